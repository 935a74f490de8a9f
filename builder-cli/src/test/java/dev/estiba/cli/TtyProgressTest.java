package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.build.BuildEvent;
import dev.estiba.image.Digest;
import dev.estiba.registry.BlobOutcome;
import dev.estiba.registry.RegistryEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tty view's frames for given events, a fake clock and a fixed terminal width. */
class TtyProgressTest {
    long now;
    final StringWriter out = new StringWriter();

    TtyProgress view(int width) {
        return new TtyProgress(new PrintWriter(out), () -> now, width);
    }

    /** The lines of the last frame drawn (after the last cursor-up), without the erase codes. */
    List<String> lastFrame() {
        String all = out.toString();
        String frame = all;
        for (int i = all.length() - 1; i >= 0; i--) {
            if (all.startsWith("\033[", i) && i + 2 < all.length() && Character.isDigit(all.charAt(i + 2))) {
                int end = i + 2;
                while (Character.isDigit(all.charAt(end))) {
                    end++;
                }
                if (all.charAt(end) == 'A' && !all.substring(end + 1).isEmpty()) {
                    frame = all.substring(end + 1);
                    break;
                }
            }
        }
        // A frame shorter than the last one ends by erasing the stale lines and going back up over them.
        frame = frame.replaceFirst("(\033\\[2K\n)*\033\\[[0-9]+A$", "");
        return Arrays.stream(frame.split("\n")).map(l -> l.replace("\033[2K", "")).toList();
    }

    @Test
    void aDownloadIsABarWithBytesAndRateFittedToTheWidth() {
        TtyProgress p = view(60);
        p.on(new BuildEvent.StepStarted(1, "stage-0", 2, 3, "ADD https://example.com/big.tar /big.tar"));
        now = 2_000_000_000L;
        p.on(new BuildEvent.Transfer("ADD https://example.com/big.tar", 0, 10_000_000, false));
        assertEquals(List.of("[+] Building 2.0s (0/1)",
            " => [stage-0 2/3] ADD https://example.com/big.tar /b...  ...",
            " => ADD https://example.com/big.tar [          ] 0B / 10.0MB"), lastFrame());
        now = 4_000_000_000L;
        p.on(new BuildEvent.Transfer("ADD https://example.com/big.tar", 5_000_000, 10_000_000, false));
        List<String> frame = lastFrame();
        assertEquals(" => ADD https://examp... [====>     ] 5.0MB / 10.0MB 2.5MB/s", frame.get(2));
        frame.forEach(l -> assertTrue(l.length() <= 60, l));

        // Finished: the bar goes, and the line it used is erased.
        now = 5_000_000_000L;
        p.on(new BuildEvent.Transfer("ADD https://example.com/big.tar", 10_000_000, 10_000_000, true));
        p.on(new BuildEvent.StepDone(1, false, 5_000_000_000L, List.of()));
        assertEquals(List.of("[+] Building 5.0s (1/1)",
            " => [stage-0 2/3] ADD https://example.com/big.tar /...  5.0s"), lastFrame());
    }

    @Test
    void registryTransfersAndUnknownSizesOnAWideTerminal() {
        TtyProgress p = view(100);
        Digest d = Digest.parse("sha256:" + "ab".repeat(32));
        p.on(new BuildEvent.StepStarted(1, "stage-0", 1, 1, "FROM 127.0.0.1:5000/app:1"));
        var registry = p.registryEvents();
        now = 1_000_000_000L;
        registry.accept(new RegistryEvent.BlobProgress("127.0.0.1:5000/app", d, 1_048_576, 4_194_304, false));
        p.on(new BuildEvent.Transfer("ADD http://127.0.0.1/stream", 0, -1, false));
        now = 3_000_000_000L;
        registry.accept(new RegistryEvent.BlobProgress("127.0.0.1:5000/app", d, 3_145_728, 4_194_304, false));
        p.on(new BuildEvent.Transfer("ADD http://127.0.0.1/stream", 2_500, -1, false));
        assertEquals(List.of("[+] Building 3.0s (0/1)",
            " => [stage-0 1/1] FROM 127.0.0.1:5000/app:1  ...",
            " => pull " + d.shortHex() + " 127.0.0.1:5000/app [=====================>        ] 3.1MB / 4.2MB 1.0MB/s",
            " => ADD http://127.0.0.1/stream 2.5kB 1.3kB/s"), lastFrame());
        // A retry starts the blob again: the bar and its rate start over.
        now = 5_000_000_000L;
        registry.accept(new RegistryEvent.BlobProgress("127.0.0.1:5000/app", d, 1_048_576, 4_194_304, false));
        now = 6_000_000_000L;
        registry.accept(new RegistryEvent.BlobProgress("127.0.0.1:5000/app", d, 2_097_152, 4_194_304, false));
        assertEquals(" => pull " + d.shortHex() + " 127.0.0.1:5000/app [==============>               ] 2.1MB / 4.2MB "
            + "1.0MB/s", lastFrame().get(2));
        registry.accept(new RegistryEvent.BlobDone("127.0.0.1:5000/app", d, 4_194_304, BlobOutcome.DOWNLOADED));
        assertTrue(out.toString().endsWith("stream 2.5kB 500B/s\n\033[2K\n\033[1A"), "the bar's line is erased");
        assertEquals(List.of("[+] Building 6.0s (0/1)",
            " => [stage-0 1/1] FROM 127.0.0.1:5000/app:1  ...",
            " => ADD http://127.0.0.1/stream 2.5kB 500B/s"), lastFrame());
    }

    @Test
    void sizesInBuildxUnits() {
        record Case(long bytes, String shown) {
        }
        for (Case c : List.of(new Case(0, "0B"), new Case(999, "999B"), new Case(1000, "1.0kB"),
                new Case(1_536_000, "1.5MB"), new Case(10_000_000_000L, "10.0GB"))) {
            assertEquals(c.shown(), TransferBar.size(c.bytes()), Long.toString(c.bytes()));
        }
    }
}
