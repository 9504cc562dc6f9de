package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import java.util.HexFormat;
import java.util.List;

/** Small hand-assembled contracts for the RPC tests. */
public final class Contracts {
  /** Runtime: SSTORE(0, 42); LOG1(topic 1, no data); STOP. */
  public static final byte[] STORE_AND_LOG = hex("602a60005560016000600" + "0a100");
  /** Init code deploying {@link #STORE_AND_LOG}. */
  public static final byte[] STORE_AND_LOG_INIT = hex("600d600c600039600d6000f3602a600055600160006000a100");
  /** Runtime: returns the 32-byte word in storage slot 0. */
  public static final byte[] RETURN_SLOT_0 = hex("60005460005260206000f3");
  /** Runtime: reverts with Error("no"). */
  public static final byte[] REVERT_NO = hex("6064600c600039" + "60646000fd"
      + "08c379a0"
      + "0000000000000000000000000000000000000000000000000000000000000020"
      + "0000000000000000000000000000000000000000000000000000000000000002"
      + "6e6f000000000000000000000000000000000000000000000000000000000000");
  /**
   * Runtime: returns seven words, the block's NUMBER, TIMESTAMP, GASLIMIT, COINBASE, PREVRANDAO,
   * BASEFEE and BLOBBASEFEE.
   */
  public static final byte[] BLOCK_FIELDS = hex("43600052" + "42602052" + "45604052" + "41606052" + "44608052"
      + "4860a052" + "4a60c052" + "60e06000f3");
  /** The topic {@link #STORE_AND_LOG} logs. */
  public static final String TOPIC_1 = "0x0000000000000000000000000000000000000000000000000000000000000001";

  private Contracts() {}

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** A signed EIP-1559 transaction from {@link TestNode#KEY} with any recipient (null: creation) and data. */
  public static Transaction tx(long nonce, io.nativerollups.evm.types.Address to, byte[] data, long gas) {
    return TransactionSigner.sign(Transaction.builder(TransactionType.EIP1559)
        .chainId(UInt256.valueOf(TestNode.CHAIN_ID)).nonce(nonce).gasLimit(gas).to(to).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(10_000_000_000L)).data(data)
        .accessList(List.of()).build(), TestNode.KEY);
  }
}
