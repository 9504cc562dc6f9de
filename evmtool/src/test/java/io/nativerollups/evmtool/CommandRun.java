package io.nativerollups.evmtool;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code evmtool} command line in-process, with what it printed. */
public record CommandRun(int status, String out, String err) {
  /** Runs {@code evmtool args...} and captures its exit status, stdout and stderr. */
  public static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = EvmTool.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new CommandRun(status, out.toString(), err.toString());
  }
}
