// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// A plain ERC-20 whose `run` makes n external `transfer` calls to itself, each to a fresh
/// recipient: the CALL, ABI decoding, checked arithmetic, SLOAD/SSTORE and LOG mix of token traffic.
contract Erc20Transfers {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    function transfer(address to, uint256 value) public returns (bool) {
        uint256 b = balanceOf[msg.sender];
        require(b >= value, "balance");
        unchecked { balanceOf[msg.sender] = b - value; }
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function run(uint256 n) external returns (uint256) {
        if (balanceOf[address(this)] == 0) {
            balanceOf[address(this)] = 1e30;
            totalSupply = 1e30;
        }
        for (uint256 i = 0; i < n; i++) {
            this.transfer(address(uint160(0x1000 + i)), 1 + i);
        }
        return balanceOf[address(this)];
    }
}
