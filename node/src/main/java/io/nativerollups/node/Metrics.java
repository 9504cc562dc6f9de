package io.nativerollups.node;

import com.sun.net.httpserver.HttpServer;
import io.nativerollups.evm.block.Block;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The Prometheus endpoint ({@code GET /metrics}, text format 0.0.4): chain head, transaction pool
 * size, gas used and gas per second of the latest block.
 */
public final class Metrics implements AutoCloseable {
  private final LongSupplier head;
  private final IntSupplier pending;
  private final IntSupplier queued;
  private volatile long blocks;
  private volatile long gasTotal;
  private volatile double gasPerSecond;
  private volatile long lastTimestamp = -1;
  private HttpServer server;

  public Metrics(LongSupplier head, IntSupplier pending, IntSupplier queued) {
    this.head = head;
    this.pending = pending;
    this.queued = queued;
  }

  /** Counts a new head block; gas per second is its gas over the time since the previous head's timestamp. */
  public synchronized void onBlock(Block block) {
    blocks++;
    gasTotal += block.header().gasUsed();
    long t = block.header().timestamp();
    if (lastTimestamp >= 0 && t > lastTimestamp) {
      gasPerSecond = (double) block.header().gasUsed() / (t - lastTimestamp);
    }
    lastTimestamp = t;
  }

  /** The metrics in Prometheus' text format. */
  public String render() {
    StringBuilder out = new StringBuilder();
    metric(out, "node_chain_head_block_number", "gauge", "Number of the canonical head block", head.getAsLong());
    metric(out, "node_txpool_pending", "gauge", "Transactions ready for the next block", pending.getAsInt());
    metric(out, "node_txpool_queued", "gauge", "Transactions waiting for a nonce gap", queued.getAsInt());
    metric(out, "node_blocks_total", "counter", "Head blocks since start", blocks);
    metric(out, "node_gas_used_total", "counter", "Gas used by head blocks since start", gasTotal);
    metric(out, "node_gas_per_second", "gauge", "Gas of the latest head block per second of block time", gasPerSecond);
    return out.toString();
  }

  private static void metric(StringBuilder out, String name, String type, String help, Number value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(' ').append(type).append('\n')
        .append(name).append(' ').append(value).append('\n');
  }

  /** Serves {@code /metrics} on {@code host:port} (0 picks a free port); returns the bound port. */
  public int start(String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = render().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
