package io.nativerollups.node.plugin;

/** A plugin that could not be loaded, registered or started; the message names it. */
public final class PluginException extends RuntimeException {
  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
