package io.nativerollups.evm.block;

import io.nativerollups.evm.fork.Fork;

/**
 * One entry of a chain's fork schedule: from {@code timestamp} on, blocks follow {@code rules}
 * with {@code blobs}. A blob-parameter-only fork (BPO1, ...) keeps the rules of the fork before it
 * and only changes the blob schedule.
 *
 * @param name the fork's name as chain configs spell it ("Cancun", "Prague", "Osaka", "BPO1", ...)
 */
public record ForkActivation(String name, Fork rules, long timestamp, BlobSchedule blobs) {}
