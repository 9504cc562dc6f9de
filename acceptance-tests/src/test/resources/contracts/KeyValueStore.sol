// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// Stores numbers under keys and logs every write. The acceptance tests deploy it, call it, read
/// its logs, prove its storage with eth_getProof and delegate an account to it (EIP-7702).
contract KeyValueStore {
    event ValueSet(address indexed writer, uint256 indexed key, uint256 value);

    /// slot 0: keccak256(key . 0) holds the value of key
    mapping(uint256 => uint256) public values;
    /// slot 1: how many writes were made
    uint256 public writes;

    function set(uint256 key, uint256 value) external {
        values[key] = value;
        writes += 1;
        emit ValueSet(msg.sender, key, value);
    }

    function failWith(string calldata reason) external pure {
        revert(reason);
    }
}
