// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

interface IToken {
    function transfer(address to, uint256 value) external returns (bool);
}

/// A constant-product (x * y = k, 0.3 % fee) pool, the core of a DEX swap: traders spend input
/// credit held here and receive the output token through an ERC-20 `transfer`. The stateless
/// benchmark sets its storage in the genesis (no constructor runs).
contract SimpleSwap {
    IToken public tokenOut;
    uint256 public reserveIn;
    uint256 public reserveOut;
    mapping(address => uint256) public credit;

    event Swap(address indexed trader, uint256 amountIn, uint256 amountOut);

    function swap(uint256 amountIn, uint256 minOut) external returns (uint256 out) {
        uint256 c = credit[msg.sender];
        require(c >= amountIn, "credit");
        credit[msg.sender] = c - amountIn;
        uint256 inWithFee = amountIn * 997;
        out = inWithFee * reserveOut / (reserveIn * 1000 + inWithFee);
        require(out >= minOut, "slippage");
        reserveIn += amountIn;
        reserveOut -= out;
        require(tokenOut.transfer(msg.sender, out), "transfer");
        emit Swap(msg.sender, amountIn, out);
    }
}
