package io.nativerollups.evm.vm;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.function.LongFunction;

/**
 * The block-level values the EVM reads (COINBASE, NUMBER, TIMESTAMP, GASLIMIT, BASEFEE,
 * PREVRANDAO, BLOBBASEFEE, CHAINID, BLOCKHASH).
 *
 * @param blockHashes the hash of an ancestor by number; the EVM only asks for the 256 most recent
 *     and returns zero otherwise; may return null for unknown
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 baseFee,
    byte[] prevRandao,
    UInt256 blobBaseFee,
    long chainId,
    LongFunction<byte[]> blockHashes) {}
