package io.nativerollups.evm.tx;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/** One EIP-2930 access list entry. */
public record AccessListEntry(Address address, List<UInt256> storageKeys) {}
