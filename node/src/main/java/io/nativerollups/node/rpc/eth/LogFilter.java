package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.LogsBloom;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.RpcObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The execution-apis {@code Filter} of eth_getLogs and of the {@code logs} subscription: a block
 * range ({@code fromBlock}/{@code toBlock}, {@code latest} by default) or one {@code blockHash},
 * the emitting addresses (one or several; any when absent) and up to four topic positions, each
 * null (any), one topic, or a list of alternatives.
 *
 * @param addresses empty for any address
 * @param topics per position, the accepted topics; an empty list accepts any
 */
public record LogFilter(
    BlockParameter fromBlock, BlockParameter toBlock, byte[] blockHash, List<Address> addresses, List<List<byte[]>> topics) {
  private static final int MAX_TOPICS = 4;
  private static final Set<String> FIELDS = Set.of("fromBlock", "toBlock", "blockHash", "address", "topics");
  private static final byte[] EMPTY_BLOOM = new byte[LogsBloom.SIZE];

  /** Parses the filter object; the {@link IllegalArgumentException} names the bad field. */
  public static LogFilter parse(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(FIELDS);
    byte[] blockHash = o.optionalHash("blockHash");
    if (blockHash != null && (o.has("fromBlock") || o.has("toBlock"))) {
      throw new IllegalArgumentException("cannot specify both blockHash and fromBlock/toBlock, choose one or the other");
    }
    BlockParameter from = o.has("fromBlock") ? o.required("fromBlock", BlockParameter::numberOrTag) : BlockParameter.LATEST;
    BlockParameter to = o.has("toBlock") ? o.required("toBlock", BlockParameter::numberOrTag) : BlockParameter.LATEST;
    List<Address> addresses = o.has("address")
        ? o.required("address", a -> a.isArray() ? RpcObject.toList(a, RpcObject::toAddress) : List.of(RpcObject.toAddress(a)))
        : List.of();
    List<List<byte[]>> topics = o.has("topics") ? o.required("topics", LogFilter::topics) : List.of();
    return new LogFilter(from, to, blockHash, List.copyOf(addresses), topics);
  }

  private static List<List<byte[]>> topics(JsonNode node) {
    List<List<byte[]>> positions = RpcObject.toList(node, position -> {
      if (position == null || position.isNull()) {
        return List.of();
      }
      if (position.isArray()) {
        return RpcObject.toList(position, RpcObject::toHash);
      }
      return List.of(RpcObject.toHash(position));
    });
    if (positions.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("at most " + MAX_TOPICS + " topic positions, got " + positions.size());
    }
    return positions;
  }

  /**
   * The test of a block's logs bloom: whether a block with it may hold a matching log (the bloom of
   * the addresses only). A block with an empty bloom has no logs at all, since every log sets its
   * address's bits: this spares reading the body and receipts of every log-less block when no
   * address is given. The addresses' bloom bits are computed here once, not again for every block.
   */
  public Predicate<byte[]> bloomTest() {
    List<byte[]> addressBits = new ArrayList<>(addresses.size());
    for (Address a : addresses) {
      addressBits.add(LogsBloom.of(List.of(new Log(a, List.of(), new byte[0]))));
    }
    return blockBloom -> mayMatch(blockBloom, addressBits);
  }

  private static boolean mayMatch(byte[] blockBloom, List<byte[]> addressBits) {
    if (Arrays.equals(blockBloom, EMPTY_BLOOM)) {
      return false;
    }
    if (addressBits.isEmpty()) {
      return true;
    }
    for (byte[] bits : addressBits) {
      boolean all = true;
      for (int i = 0; i < bits.length && all; i++) {
        all = (blockBloom[i] & bits[i]) == bits[i];
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code log} passes the address and topic conditions. */
  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<byte[]> accepted = topics.get(i);
      if (accepted.isEmpty()) {
        continue;
      }
      byte[] topic = log.topics().get(i);
      if (accepted.stream().noneMatch(t -> Arrays.equals(t, topic))) {
        return false;
      }
    }
    return true;
  }

  /** A filter without a block range: what a {@code logs} subscription matches each new block with. */
  public static LogFilter forSubscription(JsonNode node) {
    LogFilter f = parse(node);
    if (f.blockHash() != null || !(f.fromBlock().equals(BlockParameter.LATEST) && f.toBlock().equals(BlockParameter.LATEST))) {
      throw new IllegalArgumentException("a logs subscription takes only address and topics");
    }
    return f;
  }
}
