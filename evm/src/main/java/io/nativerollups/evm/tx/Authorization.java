package io.nativerollups.evm.tx;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;

/**
 * One EIP-7702 authorization tuple {@code [chain_id, address, nonce, y_parity, r, s]} as signed;
 * the authority is recovered from it and may be invalid. {@code nonce} is unsigned 64-bit;
 * {@code yParity} is kept as decoded so that out-of-range values can be judged invalid.
 */
public record Authorization(UInt256 chainId, Address address, long nonce, UInt256 yParity, UInt256 r, UInt256 s) {}
