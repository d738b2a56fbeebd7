package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.namcl.files.Claim;
import org.namcl.files.StaleFiles;
import org.namcl.render.RunReport.Status;

/**
 * Decides, for each output, whether this run renders it. An output whose record
 * ({@link OutputRecord}) matches what this run would write is skipped; one made another way
 * (other model file, options, input or namcl version) is rendered again, saying why; a file there
 * that holds no record (namcl did not write it) is left as it is and the pair fails, unless
 * overwriting. An output to render is claimed first, so runs sharing the folder split the batch,
 * and looked at again once claimed, in case another run finished it meanwhile. The first time a
 * folder comes up, what killed namcl runs left in it is removed ({@link StaleFiles}).
 */
final class Resume {
    private final boolean overwrite;
    private final OutputGuard guard;
    private final Consumer<String> notice;
    private final Set<Path> swept = new HashSet<>();

    Resume(boolean overwrite, OutputGuard guard, Consumer<String> notice) {
        this.overwrite = overwrite;
        this.guard = guard;
        this.notice = notice;
    }

    /**
     * What to do with one output: a {@code status} when nothing is to be rendered (with its
     * {@code reason}); otherwise the {@code record} to write, the {@code claim} held while
     * rendering, and why an existing output is replaced ({@code replacing}, null when none is).
     */
    record Plan(Status status, String reason, OutputRecord record, Claim claim, String replacing) {
        static Plan done(Status status, String reason) {
            return new Plan(status, reason, null, null, null);
        }

        /** Render it, writing {@code record}, with nothing to claim (a stream). */
        static Plan render(OutputRecord record) {
            return new Plan(null, null, record, null, null);
        }

        /** Gives up the claim, if any; a claim file that cannot be deleted is a warning. */
        void release(Consumer<String> warn) {
            if (claim != null) {
                try {
                    claim.close();
                } catch (IOException e) {
                    warn.accept("cannot remove a claim file: " + Problems.describe(e));
                }
            }
        }
    }

    Plan plan(Path output, OutputRecord wanted) throws IOException {
        if (guard.isInput(output)) {
            return Plan.done(Status.FAILED, "its output " + output + " is one of this run's inputs; write the "
                    + "outputs into another folder");
        }
        Path absolute = output.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + output.getParent() + ": "
                    + Problems.describe(e), e);
        }
        sweep(folder, output.getParent());
        Plan before = look(output, wanted);
        if (before.status() != null) {
            return before;
        }
        Claim.Attempt attempt = Claim.take(absolute);
        if (attempt instanceof Claim.Busy busy) {
            return Plan.done(Status.OTHER_RUN, busy.pid() < 0 ? "another namcl run is rendering it"
                    : "namcl process " + busy.pid() + " is rendering it");
        }
        Claim claim = ((Claim.Taken) attempt).claim();
        Plan after;
        try {
            after = look(output, wanted);
        } catch (IOException | RuntimeException e) {
            claim.close();
            throw e;
        }
        if (after.status() != null) {
            claim.close();
            return after;
        }
        return new Plan(null, null, wanted, claim, after.replacing());
    }

    /** What the output as it is now asks for; a plan with no claim yet when it is to be rendered. */
    private Plan look(Path output, OutputRecord wanted) throws IOException {
        if (overwrite || !Files.exists(output)) {
            return new Plan(null, null, wanted, null, null);
        }
        OutputRecord found = OutputRecord.read(output);
        if (found == null) {
            return Plan.done(Status.FAILED, "the output " + output + " exists but namcl did not write it (it "
                    + "records no model or options); it is left as it is: move it away, or use --overwrite to "
                    + "replace it");
        }
        String differences = wanted.differences(found);
        return differences == null ? Plan.done(Status.SKIPPED, null) : new Plan(null, null, wanted, null, differences);
    }

    private void sweep(Path folder, Path shown) throws IOException {
        if (swept.add(folder)) {
            int removed = StaleFiles.sweep(folder);
            if (removed > 0) {
                notice.accept("removed " + removed + (removed == 1 ? " file" : " files") + " left in " + shown
                        + " by a namcl run that was killed (temporary files, claims)");
            }
        }
    }
}
