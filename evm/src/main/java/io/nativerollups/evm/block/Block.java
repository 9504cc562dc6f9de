package io.nativerollups.evm.block;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.evm.tx.TransactionEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block: {@code rlp([header, transactions, ommers, withdrawals])}, the withdrawals list from
 * Shanghai on (null when the encoding has none).
 *
 * @param transactionEnvelopes each transaction's EIP-2718 encoding, as stored in the transactions trie
 * @param encodedSize the length of the block's RLP encoding (EIP-7934 limits it)
 */
public record Block(
    BlockHeader header,
    List<Transaction> transactions,
    List<byte[]> transactionEnvelopes,
    List<BlockHeader> ommers,
    List<Withdrawal> withdrawals,
    int encodedSize) {

  /**
   * Decodes a block and its transactions (recovering each sender).
   *
   * @throws InvalidBlockException {@link BlockError#RLP_STRUCTURES_ENCODING} when the RLP or the
   *     block structure is malformed, or the transaction error when a transaction cannot be decoded
   */
  public static Block decode(byte[] encoded) throws InvalidBlockException {
    List<RlpItem> parts;
    BlockHeader header;
    List<BlockHeader> ommers = new ArrayList<>();
    List<Withdrawal> withdrawals = null;
    List<RlpItem> txItems;
    try {
      RlpItem root = Rlp.decode(encoded);
      if (!root.isList()) {
        throw new RlpException("a block must be an RLP list");
      }
      parts = root.items();
      if (parts.size() != 3 && parts.size() != 4) {
        throw new RlpException("a block has 3 or 4 parts (header, transactions, ommers[, withdrawals]), got " + parts.size());
      }
      if (parts.get(0).isList() && !BlockHeader.hasValidFieldCount(parts.get(0).items().size())) {
        throw new InvalidBlockException(BlockError.INCORRECT_BLOCK_FORMAT,
            "a block header has 15 to 21 fields, got " + parts.get(0).items().size());
      }
      header = BlockHeader.decode(parts.get(0));
      txItems = parts.get(1).items();
      for (RlpItem ommer : parts.get(2).items()) {
        ommers.add(BlockHeader.decode(ommer));
      }
      if (parts.size() == 4) {
        withdrawals = new ArrayList<>();
        for (RlpItem w : parts.get(3).items()) {
          withdrawals.add(Withdrawal.decode(w));
        }
      }
    } catch (FieldFormatException e) {
      throw new InvalidBlockException(e.error(), e.getMessage(), e);
    } catch (RlpException e) {
      throw new InvalidBlockException(BlockError.RLP_STRUCTURES_ENCODING, e.getMessage(), e);
    }
    List<Transaction> transactions = new ArrayList<>(txItems.size());
    List<byte[]> envelopes = new ArrayList<>(txItems.size());
    for (int i = 0; i < txItems.size(); i++) {
      byte[] envelope = envelope(txItems.get(i), i);
      transactions.add(decodeTransaction(envelope, i));
      envelopes.add(envelope);
    }
    return new Block(header, List.copyOf(transactions), List.copyOf(envelopes), List.copyOf(ommers),
        withdrawals == null ? null : List.copyOf(withdrawals), encoded.length);
  }

  /** A block of signed transactions (encoded for the transactions trie as they are), no ommers. */
  public static Block of(BlockHeader header, List<Transaction> transactions, List<Withdrawal> withdrawals) {
    List<byte[]> envelopes = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      envelopes.add(TransactionEncoder.encode(tx));
    }
    Block unsized = new Block(header, List.copyOf(transactions), List.copyOf(envelopes), List.of(),
        withdrawals == null ? null : List.copyOf(withdrawals), 0);
    return new Block(header, unsized.transactions(), unsized.transactionEnvelopes(), List.of(),
        unsized.withdrawals(), unsized.encode().length);
  }

  /** A legacy transaction is an RLP list; a typed one is a byte string holding its envelope. */
  private static byte[] envelope(RlpItem item, int index) throws InvalidBlockException {
    if (item.isList()) {
      return item.encoded();
    }
    byte[] envelope = item.bytes();
    if (envelope.length == 0 || (envelope[0] & 0xFF) >= 0x80) {
      throw new InvalidBlockException(BlockError.RLP_STRUCTURES_ENCODING,
          "transaction " + index + " is a byte string without an EIP-2718 type byte");
    }
    return envelope;
  }

  private static Transaction decodeTransaction(byte[] envelope, int index) throws InvalidBlockException {
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(envelope);
    } catch (InvalidTransactionException e) {
      throw new InvalidBlockException(TransactionRejections.classifyDecodingError(e.getMessage()),
          "transaction " + index + ": " + e.getMessage(), e);
    }
    // the decoder also accepts a blob transaction's network form, which never belongs in a block
    if (!Arrays.equals(TransactionEncoder.encode(tx), envelope)) {
      throw new InvalidBlockException(BlockError.TYPE_3_TX_WITH_FULL_BLOBS,
          "transaction " + index + " is not in its canonical block encoding (a blob sidecar is attached)");
    }
    return tx;
  }

  /** The block's RLP encoding. */
  public byte[] encode() {
    List<byte[]> ommerEncodings = new ArrayList<>(ommers.size());
    for (BlockHeader ommer : ommers) {
      ommerEncodings.add(ommer.encode());
    }
    List<byte[]> txs = new ArrayList<>(transactionEnvelopes.size());
    for (byte[] envelope : transactionEnvelopes) {
      txs.add((envelope[0] & 0xFF) >= 0xC0 ? envelope : Rlp.encodeBytes(envelope));
    }
    List<byte[]> parts = new ArrayList<>(4);
    parts.add(header.encode());
    parts.add(Rlp.encodeList(txs));
    parts.add(Rlp.encodeList(ommerEncodings));
    if (withdrawals != null) {
      List<byte[]> ws = new ArrayList<>(withdrawals.size());
      for (Withdrawal w : withdrawals) {
        ws.add(w.encode());
      }
      parts.add(Rlp.encodeList(ws));
    }
    return Rlp.encodeList(parts);
  }
}
