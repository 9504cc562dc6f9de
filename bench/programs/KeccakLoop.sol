// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// Hash chaining: KECCAK256 on 64 bytes of memory per iteration, with loop and memory overhead.
contract KeccakLoop {
    function run(uint256 n) external pure returns (bytes32 h) {
        assembly {
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                mstore(0, h)
                mstore(32, i)
                h := keccak256(0, 64)
            }
        }
    }
}
