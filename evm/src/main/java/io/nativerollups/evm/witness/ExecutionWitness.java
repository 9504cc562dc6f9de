package io.nativerollups.evm.witness;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a block's stateless execution needs besides the block, as {@code debug_executionWitness}
 * returns it: the account- and storage-trie nodes the block reads or writes, the codes it runs or
 * reads, and the ancestor headers (parent first, then down to the oldest one BLOCKHASH reaches).
 * Encoded as {@code rlp([state, codes, headers])}, each a list of byte strings (see EXECUTE.md).
 *
 * <p>The lists are shared, not copied; callers must not modify them or their arrays.
 */
public record ExecutionWitness(List<byte[]> state, List<byte[]> codes, List<byte[]> headers) {
  /** The largest encoding {@link #decode(byte[])} accepts (far above what one L1 transaction can carry). */
  public static final int DEFAULT_MAX_ENCODED_SIZE = 64 << 20;

  public ExecutionWitness {
    state = List.copyOf(state);
    codes = List.copyOf(codes);
    headers = List.copyOf(headers);
  }

  /** The RLP encoding {@code [state, codes, headers]}. */
  public byte[] encode() {
    return Rlp.encodeList(encodeStrings(state), encodeStrings(codes), encodeStrings(headers));
  }

  /** Total bytes of the entries themselves (nodes, codes and headers, without the RLP framing). */
  public long contentSize() {
    long size = 0;
    for (List<byte[]> list : List.of(state, codes, headers)) {
      for (byte[] entry : list) {
        size += entry.length;
      }
    }
    return size;
  }

  /** {@link #decode(byte[], int)} with {@link #DEFAULT_MAX_ENCODED_SIZE}. */
  public static ExecutionWitness decode(byte[] encoded) throws InvalidWitnessException {
    return decode(encoded, DEFAULT_MAX_ENCODED_SIZE);
  }

  /**
   * Decodes {@code rlp([state, codes, headers])}: exactly one canonical RLP list of three lists of
   * non-empty byte strings, no trailing bytes. The entries themselves are checked when used.
   *
   * @throws InvalidWitnessException if the encoding is longer than {@code maxEncodedSize} or does
   *     not have that shape
   */
  public static ExecutionWitness decode(byte[] encoded, int maxEncodedSize) throws InvalidWitnessException {
    if (encoded.length > maxEncodedSize) {
      throw new InvalidWitnessException(
          "witness encoding is " + encoded.length + " bytes, more than the limit of " + maxEncodedSize);
    }
    RlpItem root;
    try {
      root = Rlp.decode(encoded);
    } catch (RlpException e) {
      throw new InvalidWitnessException("witness is not well-formed RLP: " + e.getMessage(), e);
    }
    return decode(root);
  }

  /**
   * The witness in an already decoded RLP item (e.g. inside EXECUTE's input): a list of three lists
   * of non-empty byte strings.
   *
   * @throws InvalidWitnessException if the item does not have that shape
   */
  public static ExecutionWitness decode(RlpItem root) throws InvalidWitnessException {
    try {
      if (!root.isList() || root.items().size() != 3) {
        throw new InvalidWitnessException("witness must be an RLP list [state, codes, headers]");
      }
      return new ExecutionWitness(
          strings(root.items().get(0), "state"),
          strings(root.items().get(1), "codes"),
          strings(root.items().get(2), "headers"));
    } catch (RlpException e) {
      throw new InvalidWitnessException("witness is not well-formed RLP: " + e.getMessage(), e);
    }
  }

  private static List<byte[]> strings(RlpItem list, String name) throws InvalidWitnessException {
    if (!list.isList()) {
      throw new InvalidWitnessException("witness " + name + " must be a list of byte strings, got a byte string");
    }
    List<byte[]> entries = new ArrayList<>(list.items().size());
    for (int i = 0; i < list.items().size(); i++) {
      RlpItem item = list.items().get(i);
      if (item.isList()) {
        throw new InvalidWitnessException("witness " + name + " entry " + i + " is a list, not a byte string");
      }
      byte[] bytes = item.bytes();
      if (bytes.length == 0) {
        throw new InvalidWitnessException("witness " + name + " entry " + i + " is empty");
      }
      entries.add(bytes);
    }
    return entries;
  }

  private static byte[] encodeStrings(List<byte[]> entries) {
    List<byte[]> encoded = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      encoded.add(Rlp.encodeBytes(entry));
    }
    return Rlp.encodeList(encoded);
  }
}
