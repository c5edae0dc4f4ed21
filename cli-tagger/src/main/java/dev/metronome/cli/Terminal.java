package dev.metronome.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a person at a terminal. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard input and output are a terminal. Since JDK 22 {@link System#console()} may return a console
     * for redirected streams too, so {@code Console.isTerminal()} is asked where it exists.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true; // before JDK 22 a console exists only for a terminal
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }
}
