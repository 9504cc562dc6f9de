package io.nativerollups.evm.block;

import io.nativerollups.evm.crypto.Sha256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionValidator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.ExecutionContext;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.evm.vm.MessageResult;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates and executes a block against a world state: header and body checks
 * ({@link BlockValidator}), the EIP-4788 and EIP-2935 system calls, the transactions (with the
 * block's remaining gas and blob gas), EIP-4895 withdrawals, EIP-7685 requests (EIP-6110 deposits,
 * EIP-7002 and EIP-7251 system calls), then the results against the header: gas used, blob gas
 * used, state, receipts and logs bloom, requests hash.
 *
 * <p>The world state is modified in place. When the block is invalid the state is left part-way and
 * must be discarded by the caller. Nothing is global: the state and the ancestor headers are
 * parameters, so the same processor serves a chain store or a stateless witness.
 */
public final class BlockProcessor {
  private static final byte DEPOSIT_REQUEST_TYPE = 0x00;
  private static final byte WITHDRAWAL_REQUEST_TYPE = 0x01;
  private static final byte CONSOLIDATION_REQUEST_TYPE = 0x02;
  /** BLOCKHASH reaches this many ancestors. */
  private static final int BLOCKHASH_WINDOW = 256;

  private final ChainConfig config;
  private final BlockExtension extension;
  /** Keyed by the fork and the extension's precompiles in force, which change only at activation times. */
  private final Map<MachineryKey, ForkMachinery> machinery = new HashMap<>();

  private record MachineryKey(Fork fork, Map<Address, PrecompiledContract> extraPrecompiles) {}

  /** The EVM and transaction rules of one fork, built once. */
  private record ForkMachinery(EVM evm, TransactionProcessor transactions, TransactionValidator validator) {}

  public BlockProcessor(ChainConfig config) {
    this(config, BlockExtension.NONE);
  }

  /** A processor applying {@code extension}'s precompiles and start/end-of-block operations. */
  public BlockProcessor(ChainConfig config, BlockExtension extension) {
    this.config = config;
    this.extension = extension;
  }

  /** The chain this processor validates for. */
  public ChainConfig config() {
    return config;
  }

  /**
   * Validates {@code block} and applies it to {@code world}: {@link #execute}, then the header's
   * gas used, state root, receipts root, logs bloom, blob gas used and requests hash must be what
   * execution produced.
   *
   * @param headers the ancestors of {@code block}, looked up by hash from its parent on
   * @throws InvalidBlockException naming the rule the block breaks; {@code world} is then unusable
   */
  public BlockResult process(WorldState world, Block block, BlockHeaders headers) throws InvalidBlockException {
    BlockResult result = execute(world, block, headers);
    checkResults(block.header(), result);
    return result;
  }

  /**
   * Validates the header against its parent and the body against the header, then executes the
   * block on {@code world}, without comparing the header's execution results (gas used, roots,
   * bloom, blob gas used, requests hash) with what it produced: what a block builder needs.
   *
   * @throws InvalidBlockException naming the rule the block breaks; {@code world} is then unusable
   */
  public BlockResult execute(WorldState world, Block block, BlockHeaders headers) throws InvalidBlockException {
    return execute(world, block, headers, null);
  }

  /**
   * {@link #execute(WorldState, Block, BlockHeaders)}, telling {@code listener} (when not null)
   * about each transaction.
   */
  public BlockResult execute(WorldState world, Block block, BlockHeaders headers, TransactionListener listener)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    ForkActivation fork = config.forkAt(header.timestamp());
    BlockValidator.checkSize(block, fork);
    BlockHeader parent = headers.byHash(header.parentHash());
    if (parent == null) {
      throw BlockValidator.unknownParent(header);
    }
    BlockValidator.validateHeader(header, parent, fork);
    BlockValidator.validateBody(block);
    ForkMachinery m = machinery(fork.rules(), extension.precompiles(header.timestamp()));

    BlockContext context = new BlockContext(header.coinbase(), header.number(), header.timestamp(),
        header.gasLimit(), header.baseFeePerGas(), header.mixHash(), fork.blobs().blobBaseFeeWord(header.excessBlobGas()),
        config.chainId(), new AncestorHashes(header, headers)::hash);

    startBlock(world, header, context);

    List<Receipt> receipts = new ArrayList<>(block.transactions().size());
    long gasUsed = 0;
    long blobGasUsed = 0;
    for (int i = 0; i < block.transactions().size(); i++) {
      Transaction tx = block.transactions().get(i);
      if (listener != null) {
        listener.beforeTransaction(i, tx);
      }
      try {
        m.validator().validate(tx, config.chainId());
      } catch (InvalidTransactionException e) {
        throw rejected(i, e.getMessage(), TransactionRejections.classifyRejection(e.getMessage(), tx,
            world.getNonce(tx.sender()), m.evm().gasCalculator().transactionIntrinsicGas(tx)));
      }
      long gasAvailable = header.gasLimit() - gasUsed;
      if (Long.compareUnsigned(tx.gasLimit(), gasAvailable) > 0) {
        throw rejected(i, "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " exceeds the block's remaining "
            + gasAvailable, BlockError.GAS_ALLOWANCE_EXCEEDED);
      }
      long txBlobGas = BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size();
      if (blobGasUsed + txBlobGas > fork.blobs().maxBlobGas()) {
        throw rejected(i, "blob gas " + txBlobGas + " exceeds the block's remaining "
            + (fork.blobs().maxBlobGas() - blobGasUsed), BlockError.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED);
      }
      long accountNonce = world.getNonce(tx.sender());
      TransactionResult result =
          m.transactions().process(world, context, tx, listener == null ? null : listener.tracer(i, tx));
      if (!result.valid()) {
        throw rejected(i, result.invalidReason(), TransactionRejections.classifyRejection(result.invalidReason(), tx,
            accountNonce, m.evm().gasCalculator().transactionIntrinsicGas(tx)));
      }
      if (listener != null) {
        listener.afterTransaction(i, tx, result, world);
      }
      gasUsed += result.gasUsed();
      blobGasUsed += txBlobGas;
      receipts.add(Receipt.of(tx.type(), result.success(), gasUsed, result.logs()));
    }

    return endBlock(world, header, context, block.withdrawals(), receipts, blobGasUsed);
  }

  /**
   * What comes before a block's transactions: the EIP-4788 and EIP-2935 system calls and the
   * extension's start hook. {@link #execute} runs it; so does a block simulator (eth_simulateV1)
   * that runs its own transactions in between with {@link #endBlock}.
   *
   * @param context the block context the system calls run in
   */
  public void startBlock(WorldState world, BlockHeader header, BlockContext context) throws InvalidBlockException {
    ForkActivation fork = config.forkAt(header.timestamp());
    ForkMachinery m = machinery(fork.rules(), extension.precompiles(header.timestamp()));
    systemCall(world, m.evm(), context, SystemContracts.BEACON_ROOTS, header.parentBeaconBlockRoot(), false);
    if (fork.rules().isAtLeast(Fork.PRAGUE)) {
      systemCall(world, m.evm(), context, SystemContracts.HISTORY_STORAGE, header.parentHash(), false);
    }
    extension.startBlock(world, header);
  }

  /**
   * What comes after a block's transactions (see {@link #startBlock}): EIP-4895 withdrawals,
   * EIP-7685 requests and the extension's end hook; then the block's results.
   *
   * @param receipts the receipts of the block's transactions, in order
   */
  public BlockResult endBlock(WorldState world, BlockHeader header, BlockContext context, List<Withdrawal> withdrawals,
      List<Receipt> receipts, long blobGasUsed) throws InvalidBlockException {
    ForkActivation fork = config.forkAt(header.timestamp());
    ForkMachinery m = machinery(fork.rules(), extension.precompiles(header.timestamp()));
    applyWithdrawals(world, withdrawals);
    List<byte[]> requests = fork.rules().isAtLeast(Fork.PRAGUE)
        ? collectRequests(world, m.evm(), context, receipts)
        : null;
    extension.endBlock(world, header);

    List<byte[]> encodedReceipts = new ArrayList<>(receipts.size());
    byte[] bloom = new byte[LogsBloom.SIZE];
    for (Receipt r : receipts) {
      encodedReceipts.add(r.encode());
      LogsBloom.accumulate(bloom, r.logsBloom());
    }
    long gasUsed = receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
    return new BlockResult(List.copyOf(receipts), gasUsed, blobGasUsed, world.rootHash(),
        MerklePatriciaTrie.orderedRoot(encodedReceipts), bloom,
        requests == null ? null : List.copyOf(requests), requests == null ? null : requestsHash(requests));
  }

  private synchronized ForkMachinery machinery(Fork fork, Map<Address, PrecompiledContract> extra) {
    return machinery.computeIfAbsent(new MachineryKey(fork, extra), k -> {
      Map<Address, PrecompiledContract> precompiles = Precompiles.forFork(fork);
      precompiles.putAll(extra);
      return new ForkMachinery(new EVM(fork, precompiles), new TransactionProcessor(fork, precompiles),
          TransactionValidator.forFork(fork));
    });
  }

  /** The header's execution results must be what execution produced, checked in the spec's order. */
  private static void checkResults(BlockHeader header, BlockResult result) throws InvalidBlockException {
    if (result.gasUsed() != header.gasUsed()) {
      throw new InvalidBlockException(BlockError.INVALID_GAS_USED,
          "transactions used " + result.gasUsed() + " gas, header says " + Long.toUnsignedString(header.gasUsed()));
    }
    if (!Arrays.equals(result.stateRoot(), header.stateRoot())) {
      throw new InvalidBlockException(BlockError.INVALID_STATE_ROOT, "state root after execution does not match the header");
    }
    if (!Arrays.equals(result.receiptsRoot(), header.receiptsRoot())) {
      throw new InvalidBlockException(BlockError.INVALID_RECEIPTS_ROOT, "receipts root does not match the receipts");
    }
    if (!Arrays.equals(result.logsBloom(), header.logsBloom())) {
      throw new InvalidBlockException(BlockError.INVALID_LOG_BLOOM, "logs bloom does not match the receipts' logs");
    }
    if (result.blobGasUsed() != header.blobGasUsed()) {
      throw new InvalidBlockException(BlockError.INCORRECT_BLOB_GAS_USED,
          "transactions used " + result.blobGasUsed() + " blob gas, header says " + Long.toUnsignedString(header.blobGasUsed()));
    }
    if (result.requestsHash() != null && !Arrays.equals(result.requestsHash(), header.requestsHash())) {
      throw new InvalidBlockException(BlockError.INVALID_REQUESTS, "requests hash does not match the block's requests");
    }
  }

  private static InvalidBlockException rejected(int index, String reason, BlockError error) {
    return new InvalidBlockException(error, "transaction " + index + ": " + reason);
  }

  /**
   * Calls a system contract from SYSTEM_ADDRESS with 30M gas, outside any transaction's accounting.
   * An unchecked call (EIP-4788, EIP-2935) to an address without code does nothing; a checked one
   * (EIP-7002, EIP-7251) makes the block invalid when there is no code or the call fails.
   */
  private static byte[] systemCall(WorldState world, EVM evm, BlockContext context, Address target, byte[] input,
      boolean checked) throws InvalidBlockException {
    byte[] code = world.getCode(target);
    if (code.length == 0) {
      if (checked) {
        throw new InvalidBlockException(BlockError.SYSTEM_CONTRACT_EMPTY, "system contract " + target + " has no code");
      }
      return new byte[0];
    }
    world.beginTransaction();
    ExecutionContext ctx = new ExecutionContext(evm, world, context, SystemContracts.SYSTEM_ADDRESS,
        context.baseFee(), List.of());
    MessageResult result = evm.executeCall(ctx, FrameType.CALL, SystemContracts.SYSTEM_ADDRESS, target, target, false,
        UInt256.ZERO, null, code, input, SystemContracts.SYSTEM_CALL_GAS, false, 0);
    world.commitTransaction();
    if (checked && !result.isSuccess()) {
      throw new InvalidBlockException(BlockError.SYSTEM_CONTRACT_CALL_FAILED, "system call to " + target + " failed");
    }
    return result.output();
  }

  /** EIP-4895: credits each withdrawal; an account left empty by a zero withdrawal is removed (EIP-161). */
  private static void applyWithdrawals(WorldState world, List<Withdrawal> withdrawals) {
    world.beginTransaction();
    for (Withdrawal w : withdrawals) {
      world.setBalance(w.address(), world.getBalance(w.address()).add(w.amountWei()));
      world.touch(w.address());
    }
    world.commitTransaction();
  }

  /** EIP-7685: deposits from the receipts' logs, then the withdrawal and consolidation request queues. */
  private List<byte[]> collectRequests(WorldState world, EVM evm, BlockContext context, List<Receipt> receipts)
      throws InvalidBlockException {
    DepositRequests deposits = new DepositRequests(config.depositContract());
    for (Receipt r : receipts) {
      for (Log log : r.logs()) {
        deposits.add(log);
      }
    }
    List<byte[]> requests = new ArrayList<>(3);
    addRequest(requests, DEPOSIT_REQUEST_TYPE, deposits.data());
    addRequest(requests, WITHDRAWAL_REQUEST_TYPE,
        systemCall(world, evm, context, SystemContracts.WITHDRAWAL_REQUESTS, new byte[0], true));
    addRequest(requests, CONSOLIDATION_REQUEST_TYPE,
        systemCall(world, evm, context, SystemContracts.CONSOLIDATION_REQUESTS, new byte[0], true));
    return requests;
  }

  private static void addRequest(List<byte[]> requests, byte type, byte[] data) {
    if (data.length > 0) {
      byte[] request = new byte[data.length + 1];
      request[0] = type;
      System.arraycopy(data, 0, request, 1, data.length);
      requests.add(request);
    }
  }

  /** EIP-7685: sha256 of the concatenated sha256 of each non-empty request. */
  public static byte[] requestsHash(List<byte[]> requests) {
    ByteArrayOutputStream hashes = new ByteArrayOutputStream();
    for (byte[] r : requests) {
      hashes.writeBytes(Sha256.hash(r));
    }
    return Sha256.hash(hashes.toByteArray());
  }

  /** BLOCKHASH's view: the hashes of the block's ancestors by number, found by walking parent hashes. */
  private static final class AncestorHashes {
    private final long number;
    private final BlockHeaders headers;
    private final List<byte[]> hashes = new ArrayList<>(); // index i: ancestor number - 1 - i
    private BlockHeader oldest;

    AncestorHashes(BlockHeader header, BlockHeaders headers) {
      this.number = header.number();
      this.headers = headers;
      this.oldest = header;
    }

    byte[] hash(long ancestor) {
      if (ancestor < 0 || ancestor >= number || number - ancestor > BLOCKHASH_WINDOW) {
        return null;
      }
      int index = (int) (number - 1 - ancestor);
      while (hashes.size() <= index && oldest != null) {
        byte[] parentHash = oldest.parentHash();
        hashes.add(parentHash);
        oldest = headers.byHash(parentHash);
      }
      return index < hashes.size() ? hashes.get(index) : null;
    }
  }
}
