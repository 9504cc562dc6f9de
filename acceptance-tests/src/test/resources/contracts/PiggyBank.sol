// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// A piggy bank that the stock-client scripts (acceptance-tests/js: ethers, viem, cast) deploy and
/// use: payable writes with an event, reads, a require string and a custom error to decode.
contract PiggyBank {
    error NotOwner(address caller, address owner);

    event Deposited(address indexed from, uint256 amount, uint256 total);

    address public immutable owner;
    /// slot 0
    string public name;
    /// slot 1: the sum of the deposits not withdrawn
    uint256 public total;
    /// slot 2: keccak256(depositor . 2) holds what depositor put in
    mapping(address => uint256) public deposits;

    constructor(string memory name_) {
        owner = msg.sender;
        name = name_;
    }

    function deposit() external payable {
        require(msg.value > 0, "empty deposit");
        deposits[msg.sender] += msg.value;
        total += msg.value;
        emit Deposited(msg.sender, msg.value, total);
    }

    function withdraw(uint256 amount) external {
        if (msg.sender != owner) revert NotOwner(msg.sender, owner);
        total -= amount;
        payable(msg.sender).transfer(amount);
    }
}
