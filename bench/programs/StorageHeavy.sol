// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// Storage-heavy calls: `write` adds to n consecutive slots of a mapping, so a call both updates
/// slots that exist and creates new ones, depending on where it starts.
contract StorageHeavy {
    mapping(uint256 => uint256) public data;

    function write(uint256 start, uint256 n) external {
        for (uint256 i = 0; i < n; i++) {
            data[start + i] += i + 1;
        }
    }
}
