package org.namcl.opencl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.WaveNet;

/**
 * One {@link OpenClEngine#run} call, on the calling thread. Consecutive jobs of one model go
 * through one {@link ChunkScheduler} feed, so the device never drains between them: a short job
 * (at most {@link #PACK_MAX_SECONDS} of audio) is read whole and packed with the next ones into
 * shared launches (at most {@link #PACK_SAMPLES} samples a group); a longer one streams through
 * in segments of about one chunk, the next segment read while the last ones are on the device.
 * Each source is read once. Finished outputs are written (and their outcomes told) by a
 * {@link SinkWriter}, so encoding and writing overlap reading and device work.
 */
final class OpenClJobRun {
    static final double PACK_MAX_SECONDS = 30;
    static final long PACK_SAMPLES = 1 << 23;

    private final OpenClEngine engine;
    private final ChunkScheduler scheduler;
    private final Consumer<JobOutcome> outcomes;

    OpenClJobRun(OpenClEngine engine, ChunkScheduler scheduler, Consumer<JobOutcome> outcomes) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.outcomes = outcomes;
    }

    void run(Iterator<RenderJob> jobs) {
        try (SinkWriter writer = new SinkWriter()) {
            run(jobs, writer);
        }
    }

    private void run(Iterator<RenderJob> jobs, SinkWriter writer) {
        RenderJob next = null;
        while (next != null || jobs.hasNext()) {
            RenderJob first = next != null ? next : jobs.next();
            next = null;
            DeviceNetwork net;
            try {
                UnsupportedModelException.check(engine.supports(first.model()));
                net = engine.network((WaveNet) first.model());
            } catch (RuntimeException e) {
                outcomes.accept(JobFailure.failed(first, e));
                continue;
            }
            ModelFeed feed = new ModelFeed((WaveNet) first.model(), net, first, jobs, writer);
            try {
                scheduler.render(net, feed, net.receptiveField() - 1 + net.chunkLength());
            } catch (RuntimeException | OutOfMemoryError e) {
                writer.drain(); // outputs already back are written; the jobs still open fail
                feed.failOpen(e);
            }
            next = feed.leftover();
        }
    }

    /** The jobs of one model, as scheduler units, in the order the iterator gives them. */
    private final class ModelFeed implements ChunkScheduler.Feed {
        private final WaveNet model;
        private final DeviceNetwork net;
        private final int rf;
        private final Iterator<RenderJob> jobs;
        private final long packMaxFrames;
        /** The next job not yet read (this model's), or null. */
        private RenderJob ahead;
        /** The first job of another model: where this feed ends. */
        private RenderJob otherModel;
        private Streaming streaming;
        /** Jobs handed to the scheduler whose outcome is not yet told (the writer tells most). */
        private final List<RenderJob> open = Collections.synchronizedList(new ArrayList<>());
        private final SinkWriter writer;

        ModelFeed(WaveNet model, DeviceNetwork net, RenderJob first, Iterator<RenderJob> jobs, SinkWriter writer) {
            this.writer = writer;
            this.model = model;
            this.net = net;
            this.rf = net.receptiveField();
            this.jobs = jobs;
            this.ahead = first;
            this.packMaxFrames = (long) (PACK_MAX_SECONDS * model.sampleRate());
        }

        @Override
        public ChunkScheduler.Unit next() {
            if (streaming != null) {
                ChunkScheduler.Unit u = streaming.nextSegment();
                if (u != null) {
                    return u;
                }
                streaming = null;
            }
            List<Read> group = new ArrayList<>();
            long samples = 0;
            for (RenderJob job; (job = take()) != null; ) {
                Read r = readStart(job);
                if (r == null) {
                    continue; // failed to read, and told so
                }
                if (!r.complete) {
                    streaming = new Streaming(r);
                    if (group.isEmpty()) {
                        return streaming.first();
                    }
                    break;
                }
                group.add(r);
                samples += (long) r.frames * r.channels.length;
                if (samples >= PACK_SAMPLES) {
                    break;
                }
            }
            return group.isEmpty() ? null : packed(group);
        }

        /** The next job of this model, or null (keeping another model's job for the next feed). */
        private RenderJob take() {
            if (ahead == null && otherModel == null && jobs.hasNext()) {
                RenderJob j = jobs.next();
                if (j.model() == model) {
                    ahead = j;
                } else {
                    otherModel = j;
                }
            }
            RenderJob j = ahead;
            ahead = null;
            return j;
        }

        /** A job's first frames, up to the packing limit; null when its source failed (told). */
        private Read readStart(RenderJob job) {
            try {
                int channels = job.source().channels();
                // a job of many channels packs fewer frames: each is a signal of its own
                long packFrames = Math.min(packMaxFrames, Math.max(1, PACK_SAMPLES / channels));
                int limit = (int) Math.min(Integer.MAX_VALUE - rf, packFrames + 1);
                float[][] buf = new float[channels][(int) Math.min(limit, 1 << 16)];
                int n = 0;
                while (n < limit) {
                    if (n == buf[0].length) {
                        int grown = (int) Math.min(limit, 2L * n);
                        for (int c = 0; c < channels; c++) {
                            buf[c] = Arrays.copyOf(buf[c], grown);
                        }
                    }
                    int k = JobFailure.read(job.source(), buf, n, buf[0].length - n);
                    if (k == 0) {
                        return new Read(job, buf, n, true);
                    }
                    n += k;
                }
                return new Read(job, buf, n, false);
            } catch (RuntimeException | OutOfMemoryError e) { // its buffers go with it
                outcomes.accept(JobFailure.failed(job, e));
                return null;
            }
        }

        /** Short jobs in one unit: every channel of every job a signal of its own, from silence. */
        private ChunkScheduler.Unit packed(List<Read> group) {
            List<ChunkScheduler.Job> signals = new ArrayList<>();
            List<float[][]> outputs = new ArrayList<>();
            group.forEach(r -> open.add(r.job)); // so a failure from here on tells them all
            for (Read r : group) {
                float[][] out = new float[r.channels.length][r.frames];
                for (int c = 0; c < out.length; c++) {
                    signals.add(new ChunkScheduler.Job(r.channels[c], 0, r.frames, 0, out[c], 0));
                }
                outputs.add(out);
            }
            return ChunkScheduler.Unit.of(signals, rf, net.chunkLength(), () -> writer.submit(() -> {
                for (int i = 0; i < group.size(); i++) {
                    Read r = group.get(i);
                    if (deliver(r.job, outputs.get(i), r.frames)) {
                        done(r.job, r.frames);
                    }
                }
            }));
        }

        /** Writes a job's outputs (on the writer); false (the failure told) when its sink fails. */
        private boolean deliver(RenderJob job, float[][] out, int frames) {
            try {
                JobFailure.write(job.sink(), out, 0, frames);
            } catch (RuntimeException e) {
                tell(job, JobFailure.failed(job, e));
                return false;
            }
            return true;
        }

        private void done(RenderJob job, long frames) {
            tell(job, new JobOutcome.Done(job, frames));
        }

        /** Tells a job's outcome once: whoever takes it out of {@link #open} first. */
        private void tell(RenderJob job, JobOutcome outcome) {
            if (open.remove(job)) {
                outcomes.accept(outcome);
            }
        }

        /** The device failed (or memory ran out): every job in flight fails with it (the writer drained first). */
        void failOpen(Throwable e) {
            List<RenderJob> failing;
            synchronized (open) {
                failing = List.copyOf(open);
                open.clear();
            }
            if (streaming != null) {
                streaming.failed = true;
            }
            for (RenderJob j : failing) {
                outcomes.accept(JobFailure.failed(j, e));
            }
            streaming = null;
        }

        /** The job to go on with after this feed: one taken from the iterator but not rendered. */
        RenderJob leftover() {
            return ahead != null ? ahead : otherModel;
        }

        /**
         * A long job, segment by segment: each segment's signals carry the last RF − 1 inputs of
         * the one before as their halo, so the output is the one streaming gives.
         */
        private final class Streaming {
            private final RenderJob job;
            private final int channels;
            private final int segment;
            private final Read start;
            /** The last unit's input rows, whose tail is the next unit's halo. */
            private float[][] last;
            private int lastLength;
            /** Frames written: the writer's alone. */
            private long frames;
            /** Set by the writer when the sink fails (or on a device failure): reading stops, later writes are skipped. */
            private volatile boolean failed;
            private boolean ended;

            Streaming(Read start) {
                this.job = start.job;
                this.start = start;
                this.channels = start.channels.length;
                this.segment = Math.max(4096, net.chunkLength() / channels);
                open.add(job);
            }

            ChunkScheduler.Unit first() {
                return unit(start.channels, 0, start.frames);
            }

            /** The next segment, or null when the source is done (the job's outcome then follows its last write). */
            ChunkScheduler.Unit nextSegment() {
                if (failed || ended) {
                    return null;
                }
                int held = Math.min(rf - 1, lastLength);
                float[][] in = new float[channels][held + segment];
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(last[c], lastLength - held, in[c], 0, held);
                }
                int n = 0;
                try {
                    for (int k; n < segment && (k = JobFailure.read(job.source(), in, held + n, segment - n)) > 0; ) {
                        n += k;
                    }
                } catch (RuntimeException e) {
                    // told on the writer, after the segments before this one are written
                    ended = true;
                    writer.submit(() -> {
                        failed = true;
                        tell(job, JobFailure.failed(job, e));
                    });
                    return null;
                }
                if (n == 0) {
                    ended = true;
                    // every earlier segment's write was handed over first: units complete in order
                    return new ChunkScheduler.Unit(List.of(), List.of(), () -> writer.submit(() -> {
                        if (!failed) {
                            done(job, frames);
                        }
                    }));
                }
                return unit(in, held, n);
            }

            private ChunkScheduler.Unit unit(float[][] in, int held, int n) {
                last = in;
                lastLength = held + n;
                float[][] out = new float[channels][n];
                List<ChunkScheduler.Job> signals = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    signals.add(new ChunkScheduler.Job(in[c], 0, held + n, held, out[c], 0));
                }
                return ChunkScheduler.Unit.of(signals, rf, net.chunkLength(), () -> writer.submit(() -> {
                    if (!failed && deliver(job, out, n)) {
                        frames += n;
                    } else {
                        failed = true;
                    }
                }));
            }
        }
    }

    /** A job's first frames: all of them when {@code complete}. */
    private record Read(RenderJob job, float[][] channels, int frames, boolean complete) {
    }
}
