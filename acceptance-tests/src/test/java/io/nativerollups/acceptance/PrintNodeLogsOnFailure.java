package io.nativerollups.acceptance;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, prints the end of the log of every node its class started. */
public final class PrintNodeLogsOnFailure implements BeforeAllCallback, TestWatcher {
  private static final int LINES = 150;

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context).put("firstNode", NodeProcess.started().size());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Integer first = context.getParent().map(p -> store(p).get("firstNode", Integer.class)).orElse(0);
    List<NodeProcess> nodes = NodeProcess.started();
    for (NodeProcess node : nodes.subList(first == null ? 0 : Math.min(first, nodes.size()), nodes.size())) {
      System.err.println("----- " + context.getDisplayName() + " failed; last " + LINES + " lines of "
          + node.name() + " (" + node.logFile() + ") -----");
      System.err.println(node.logTail(LINES));
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(PrintNodeLogsOnFailure.class, context.getUniqueId()));
  }
}
