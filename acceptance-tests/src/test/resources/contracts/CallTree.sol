// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// The callee CallTree creates and calls.
contract Child {
    uint256 public value;

    event Pinged(address indexed from, uint256 x);

    function ping(uint256 x) external returns (uint256) {
        emit Pinged(msg.sender, x);
        return x + 1;
    }

    function store(uint256 x) external {
        value = x;
    }

    function fail() external pure {
        revert("nope");
    }
}

/// One call of run() makes every kind of frame the tracing tests look for: CREATE, CALL with a
/// LOG in the callee, DELEGATECALL writing the caller's storage, a STATICCALL (fail is pure) that
/// reverts with Error("nope") and is caught, another STATICCALL, then a LOG of its own.
contract CallTree {
    /// slot 0, where Child.store writes when delegate-called
    uint256 public value;
    Child public child;

    event Done(uint256 result);

    function run(uint256 x) external returns (uint256 r) {
        Child c = new Child();
        child = c;
        r = c.ping(x);
        (bool ok, ) = address(c).delegatecall(abi.encodeCall(Child.store, (r)));
        require(ok, "delegatecall failed");
        try c.fail() {} catch {}
        r += c.value();
        emit Done(r);
    }
}
