package io.nativerollups.node.rpc;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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

  /**
   * A registry with only the methods {@code keep} accepts by name (the same method objects, so
   * state such as subscriptions stays shared with this one).
   */
  public RpcMethodRegistry retaining(Predicate<String> keep) {
    RpcMethodRegistry retained = new RpcMethodRegistry();
    methods.forEach((name, method) -> {
      if (keep.test(name)) {
        retained.methods.put(name, method);
      }
    });
    return retained;
  }

  /** The registered names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(methods.keySet());
  }
}
