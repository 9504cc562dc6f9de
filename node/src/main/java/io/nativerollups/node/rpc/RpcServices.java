package io.nativerollups.node.rpc;

import io.nativerollups.evm.block.BlockExtension;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.mining.BlockBuilder;
import io.nativerollups.node.mining.PayloadStore;
import io.nativerollups.node.txpool.TransactionPool;

/**
 * What the RPC methods serve from: the node's chain, pool, block builder and payload store.
 *
 * @param extension the plugins' block extension the chain's processor was built with (its
 *     precompiles are in force for eth_call and eth_estimateGas too); {@link BlockExtension#NONE}
 *     without plugins
 * @param clientVersion what web3_clientVersion answers, e.g. {@code native-rollups/v0.1.0/linux-x86_64/java21}
 * @param coinbase the fee recipient of the blocks the node seals (--miner-coinbase), eth_coinbase
 * @param mining whether the node seals blocks itself (dev mode), eth_mining
 */
public record RpcServices(
    Blockchain chain,
    TransactionPool pool,
    BlockBuilder builder,
    PayloadStore payloads,
    BlockExtension extension,
    String clientVersion,
    Address coinbase,
    boolean mining) {}
