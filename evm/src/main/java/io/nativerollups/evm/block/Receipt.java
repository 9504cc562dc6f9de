package io.nativerollups.evm.block;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.vm.Log;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt of one transaction in a block.
 *
 * @param cumulativeGasUsed gas used by this and the earlier transactions of the block
 * @param logsBloom the bloom of {@code logs}
 */
public record Receipt(TransactionType type, boolean success, long cumulativeGasUsed, byte[] logsBloom, List<Log> logs) {

  /** A receipt with the bloom computed from {@code logs}. */
  public static Receipt of(TransactionType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), List.copyOf(logs));
  }

  /**
   * The EIP-2718 encoding stored in the receipts trie: {@code rlp([status, cumulativeGasUsed, bloom,
   * logs])}, preceded by the type byte for a typed transaction.
   */
  public byte[] encode() {
    List<byte[]> encodedLogs = new ArrayList<>(logs.size());
    for (Log log : logs) {
      List<byte[]> topics = new ArrayList<>(log.topics().size());
      for (byte[] topic : log.topics()) {
        topics.add(Rlp.encodeBytes(topic));
      }
      encodedLogs.add(Rlp.encodeList(
          Rlp.encodeBytes(log.address().toArray()), Rlp.encodeList(topics), Rlp.encodeBytes(log.data())));
    }
    byte[] payload = Rlp.encodeList(
        Rlp.encodeLong(success ? 1 : 0),
        Rlp.encodeLong(cumulativeGasUsed),
        Rlp.encodeBytes(logsBloom),
        Rlp.encodeList(encodedLogs));
    if (type == TransactionType.LEGACY) {
      return payload;
    }
    byte[] typed = new byte[payload.length + 1];
    typed[0] = (byte) type.typeByte();
    System.arraycopy(payload, 0, typed, 1, payload.length);
    return typed;
  }
}
