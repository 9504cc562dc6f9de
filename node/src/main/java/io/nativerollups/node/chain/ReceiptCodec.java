package io.nativerollups.node.chain;

import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.vm.Log;
import java.util.ArrayList;
import java.util.List;

/** Stored receipts: an RLP list of each receipt's EIP-2718 encoding ({@link Receipt#encode()}). */
final class ReceiptCodec {
  private ReceiptCodec() {}

  static byte[] encode(List<Receipt> receipts) {
    List<byte[]> items = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) {
      items.add(Rlp.encodeBytes(r.encode()));
    }
    return Rlp.encodeList(items);
  }

  static List<Receipt> decode(byte[] stored) {
    List<Receipt> receipts = new ArrayList<>();
    for (RlpItem item : Rlp.decode(stored).items()) {
      receipts.add(decodeReceipt(item.bytes()));
    }
    return receipts;
  }

  private static Receipt decodeReceipt(byte[] envelope) {
    boolean typed = (envelope[0] & 0xFF) < 0xC0;
    TransactionType type = typed ? TransactionType.of(envelope[0] & 0xFF) : TransactionType.LEGACY;
    byte[] payload = typed ? java.util.Arrays.copyOfRange(envelope, 1, envelope.length) : envelope;
    List<RlpItem> f = Rlp.decode(payload).items();
    List<Log> logs = new ArrayList<>();
    for (RlpItem log : f.get(3).items()) {
      List<RlpItem> parts = log.items();
      List<byte[]> topics = new ArrayList<>();
      for (RlpItem t : parts.get(1).items()) {
        topics.add(t.bytes());
      }
      logs.add(new Log(parts.get(0).asAddress(), topics, parts.get(2).bytes()));
    }
    return new Receipt(type, f.get(0).asLong() == 1, f.get(1).asLong(), f.get(2).bytes(), logs);
  }
}
