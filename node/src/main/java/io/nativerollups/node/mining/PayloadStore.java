package io.nativerollups.node.mining;

import java.util.Optional;

/**
 * Payloads built for engine_forkchoiceUpdated with attributes, kept by payload id for
 * engine_getPayload. The id is derived from the parent hash and the attributes, so asking twice
 * for the same payload gives the same id.
 */
public interface PayloadStore {
  /**
   * Starts (here: performs) building on {@code parentHash} with {@code attrs} and returns the payload id (8 bytes).
   *
   * @throws IllegalArgumentException when the parent is not stored or the attributes are invalid
   */
  byte[] startBuilding(byte[] parentHash, PayloadAttributes attrs);

  /** The payload built under {@code payloadId}, if known. */
  Optional<BuiltPayload> get(byte[] payloadId);
}
