package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.fork.Fork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain a blockchain test's {@code network} names: a single fork ("Cancun", "Prague", "Osaka",
 * a blob-parameter-only fork "BPO1"...) active from genesis, or a transition such as
 * "CancunToPragueAtTime15k" (the second fork from timestamp 15000).
 */
final class Networks {
  private static final Pattern TRANSITION = Pattern.compile("([A-Za-z0-9]+?)To([A-Za-z0-9]+?)At(\\w+)");
  private static final Pattern AT_TIME = Pattern.compile("Time(\\d+)(k?)");
  private static final Pattern BPO = Pattern.compile("BPO\\d+", Pattern.CASE_INSENSITIVE);

  private Networks() {}

  /**
   * The chain config of {@code network}, or null when it involves a fork before Cancun (out of
   * scope).
   *
   * @param blobSchedule the fixture's {@code config.blobSchedule} by fork name (any case); forks it
   *     does not list get their EIP defaults, a BPO fork must be listed
   * @throws IllegalArgumentException for a name that is no known fork or transition
   */
  static ChainConfig chainConfig(String network, long chainId, Map<String, BlobSchedule> blobSchedule) {
    List<ForkActivation> activations = new ArrayList<>(2);
    Matcher m = TRANSITION.matcher(network);
    if (m.matches()) {
      if (isPreCancun(m.group(1)) || isPreCancun(m.group(2))) {
        return null;
      }
      Matcher time = AT_TIME.matcher(m.group(3));
      if (!time.matches()) {
        throw new IllegalArgumentException("network " + network + ": a transition from Cancun on must be 'AtTime<N>[k]'");
      }
      long at = Long.parseLong(time.group(1)) * (time.group(2).isEmpty() ? 1 : 1000);
      ForkActivation from = activation(m.group(1), 0, blobSchedule, null);
      ForkActivation to = activation(m.group(2), at, blobSchedule, from);
      activations.add(from);
      activations.add(to);
    } else {
      if (isPreCancun(network)) {
        return null;
      }
      activations.add(activation(network, 0, blobSchedule, null));
    }
    return new ChainConfig(chainId, ChainConfig.MAINNET_DEPOSIT_CONTRACT, activations);
  }

  private static ForkActivation activation(String name, long at, Map<String, BlobSchedule> schedule, ForkActivation before) {
    BlobSchedule listed = lookup(schedule, name);
    if (BPO.matcher(name).matches()) {
      if (listed == null) {
        throw new IllegalArgumentException("network fork " + name + " has no entry in config.blobSchedule");
      }
      return new ForkActivation(name, before == null ? Fork.OSAKA : before.rules(), at, listed);
    }
    Fork rules;
    try {
      rules = Fork.fromName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown network fork '" + name + "'");
    }
    BlobSchedule blobs = listed != null ? listed : rules == Fork.CANCUN ? BlobSchedule.CANCUN : BlobSchedule.PRAGUE;
    return new ForkActivation(rules.displayName(), rules, at, blobs);
  }

  private static final List<String> PRE_CANCUN = List.of("frontier", "homestead", "dao", "eip150", "eip158",
      "byzantium", "constantinople", "constantinoplefix", "petersburg", "istanbul", "muirglacier", "berlin",
      "london", "arrowglacier", "grayglacier", "paris", "merge", "shanghai");

  private static boolean isPreCancun(String fork) {
    return PRE_CANCUN.contains(fork.toLowerCase(Locale.ROOT));
  }

  private static BlobSchedule lookup(Map<String, BlobSchedule> schedule, String name) {
    for (Map.Entry<String, BlobSchedule> e : schedule.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
