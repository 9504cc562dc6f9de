package io.nativerollups.acceptance;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test or its class setup fails, prints the end of the log of every node its class started. */
public final class PrintNodeLogsOnFailure implements BeforeAllCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler {
  private static final int LINES = 150;

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context).put("firstNode", NodeProcess.started().size());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    printLogs(context.getParent().orElse(context), context.getDisplayName());
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
    printLogs(context, context.getDisplayName() + " setup");
    throw cause;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
    printLogs(context.getParent().orElse(context), context.getDisplayName() + " setup");
    throw cause;
  }

  private static void printLogs(ExtensionContext classContext, String what) {
    Integer first = store(classContext).get("firstNode", Integer.class);
    List<NodeProcess> nodes = NodeProcess.started();
    int from = first == null ? 0 : Math.min(first, nodes.size());
    for (NodeProcess node : nodes.subList(from, nodes.size())) {
      System.err.println("----- " + what + " failed; last " + LINES + " lines of " + node.name()
          + " (" + node.logFile() + ") -----");
      System.err.println(node.logTail(LINES));
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(PrintNodeLogsOnFailure.class, context.getUniqueId()));
  }
}
