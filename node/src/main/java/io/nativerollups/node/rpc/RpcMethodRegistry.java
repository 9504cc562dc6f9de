package io.nativerollups.node.rpc;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods a server answers, by name. The method groups register theirs at start-up; plugins
 * add their own through {@link #registerMethod}. Safe to use from any thread.
 */
public final class RpcMethodRegistry {
  private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

  /**
   * Adds {@code name}.
   *
   * @throws IllegalArgumentException if the name is empty or already taken (a plugin cannot
   *     silently replace a built-in method)
   */
  public RpcMethodRegistry registerMethod(String name, RpcMethod method) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a method needs a name");
    }
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("method " + name + " is already registered");
    }
    return this;
  }

  /** The method called {@code name}, or null. */
  public RpcMethod get(String name) {
    return methods.get(name);
  }

  /** The registered names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(methods.keySet());
  }
}
