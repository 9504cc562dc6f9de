// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// Recursive Fibonacci: internal calls, stack traffic and checked arithmetic, no storage.
contract Fibonacci {
    function run(uint256 n) external pure returns (uint256) {
        return fib(n);
    }

    function fib(uint256 n) internal pure returns (uint256) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
