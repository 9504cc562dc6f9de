/** What a node plugin sees: its lifecycle and the services it may use. */
package io.nativerollups.plugin;
