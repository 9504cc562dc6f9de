package io.nativerollups.evm.vm;

import io.nativerollups.evm.types.Address;
import java.util.List;

/** A log entry emitted by LOG0..LOG4; topics are 32-byte arrays. */
public record Log(Address address, List<byte[]> topics, byte[] data) {}
