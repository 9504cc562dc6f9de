package io.nativerollups.node.rpc.engine;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payloads engine_newPayload found invalid, each with its latest valid ancestor, so that the
 * payload again, its descendants and a forkchoice update to any of them are answered INVALID at
 * once with that ancestor, as the Engine API's payload validation asks (an invalid payload never
 * becomes valid; latestValidHash is the last valid ancestor). Invalid blocks are not stored in the
 * chain, so without this memory they would look unknown (SYNCING). Keeps the most recent {@link
 * #CAPACITY}.
 */
final class InvalidPayloads {
  static final int CAPACITY = 512;

  /** Why a payload is invalid, and its latest valid ancestor. */
  record Invalid(String reason, byte[] latestValidHash) {}

  private final Map<String, Invalid> byHash = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Invalid> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void add(byte[] blockHash, Invalid invalid) {
    byHash.put(HexFormat.of().formatHex(blockHash), invalid);
  }

  synchronized Optional<Invalid> get(byte[] blockHash) {
    return Optional.ofNullable(byHash.get(HexFormat.of().formatHex(blockHash)));
  }
}
