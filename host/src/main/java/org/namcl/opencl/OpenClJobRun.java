package org.namcl.opencl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.WaveNet;
import org.namcl.pipeline.JobStart;
import org.namcl.pipeline.ReadAhead;
import org.namcl.pipeline.Segment;
import org.namcl.pipeline.Segments;
import org.namcl.pipeline.SinkWriter;

/**
 * One {@link OpenClEngine#run} call. Consecutive jobs of one model go through one
 * {@link ChunkScheduler} feed, so the device never drains between them: a short job (at most
 * {@link #PACK_MAX_SECONDS} of audio) is read whole and packed with the next ones into shared
 * launches (at most {@link #PACK_SAMPLES} samples a group); a longer one streams through in
 * segments of about one chunk. Sources are read (decoded, resampled) on {@link ReadAhead}'s reader
 * threads, a few jobs and segments ahead, and finished outputs are written (and their outcomes
 * told) on a {@link SinkWriter}'s lanes, one per job, so the calling thread only hands units to the device and takes
 * them back. Each source is read once.
 */
final class OpenClJobRun {
    static final double PACK_MAX_SECONDS = 30;
    static final int PACK_SAMPLES = 1 << 23;
    /** Segments of a long job read ahead of the one on the device. */
    static final int SEGMENTS_AHEAD = 2;

    private final OpenClEngine engine;
    private final ChunkScheduler scheduler;
    private final Consumer<JobOutcome> outcomes;
    /** Threads of the host side, split between readers and writers. */
    private final int hostThreads;
    private final int packSamples;

    OpenClJobRun(OpenClEngine engine, ChunkScheduler scheduler, OpenClSettings settings,
                 Consumer<JobOutcome> outcomes) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.outcomes = outcomes;
        this.hostThreads = settings.hostThreads() > 0 ? settings.hostThreads() : Runtime.getRuntime().availableProcessors();
        this.packSamples = settings.packSamples() > 0 ? settings.packSamples() : PACK_SAMPLES;
    }

    void run(Iterator<RenderJob> jobs) {
        try (SinkWriter writer = new SinkWriter(SinkWriter.writersFor(hostThreads));
             ReadAhead reads = new ReadAhead(jobs, ReadAhead.readersFor(hostThreads), this::firstFrames,
                     job -> engine.supports(job.model()).supported())) {
            run(reads, writer);
        }
    }

    /** A job's frames read as its start: one more than may be packed, to tell a job that fits from one that streams. */
    private int firstFrames(RenderJob job) {
        long packMaxFrames = (long) (PACK_MAX_SECONDS * job.model().sampleRate());
        // a job of many channels packs fewer frames: each is a signal of its own
        long packFrames = Math.min(packMaxFrames, Math.max(1, packSamples / job.source().channels()));
        return (int) packFrames + 1;
    }

    private void run(ReadAhead reads, SinkWriter writer) {
        for (ReadAhead.Pending first; (first = reads.peek()) != null; ) {
            RenderJob job = first.job();
            DeviceNetwork net;
            try {
                UnsupportedModelException.check(engine.supports(job.model()));
                net = engine.network((WaveNet) job.model());
            } catch (RuntimeException e) {
                reads.take().discard();
                outcomes.accept(JobFailure.failed(job, e));
                continue;
            }
            ModelFeed feed = new ModelFeed((WaveNet) job.model(), net, reads, writer);
            try {
                scheduler.render(net, feed, net.receptiveField() - 1 + net.chunkLength());
            } catch (RuntimeException | OutOfMemoryError e) {
                try {
                    writer.drain(); // outputs already back are written; the jobs still open fail
                } catch (RuntimeException | Error writeFailure) {
                    e.addSuppressed(writeFailure);
                } finally {
                    feed.failOpen(e);
                }
            }
        }
    }

    /** The jobs of one model, as scheduler units, in the order the iterator gives them. */
    private final class ModelFeed implements ChunkScheduler.Feed {
        private final WaveNet model;
        private final DeviceNetwork net;
        private final int rf;
        private final ReadAhead reads;
        private Streaming streaming;
        /** Jobs handed to the scheduler whose outcome is not yet told (their lanes tell most). */
        private final List<RenderJob> open = Collections.synchronizedList(new ArrayList<>());
        private final SinkWriter writer;

        ModelFeed(WaveNet model, DeviceNetwork net, ReadAhead reads, SinkWriter writer) {
            this.writer = writer;
            this.model = model;
            this.net = net;
            this.rf = net.receptiveField();
            this.reads = reads;
        }

        @Override
        public boolean ready() {
            if (streaming != null) {
                return streaming.ready();
            }
            ReadAhead.Pending p = reads.peek();
            return p == null || p.job().model() != model || p.ready();
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
            List<JobStart> group = new ArrayList<>();
            long samples = 0;
            for (ReadAhead.Pending p; (p = mine()) != null; ) {
                reads.take();
                JobStart r;
                try {
                    r = p.start();
                } catch (RuntimeException | OutOfMemoryError e) { // its buffers went with it
                    outcomes.accept(JobFailure.failed(p.job(), e));
                    continue;
                }
                if (!r.complete()) {
                    streaming = new Streaming(r);
                    if (group.isEmpty()) {
                        return streaming.nextSegment();
                    }
                    break;
                }
                group.add(r);
                samples += (long) r.frames() * r.channels().length;
                if (samples >= packSamples) {
                    break;
                }
            }
            return group.isEmpty() ? null : packed(group);
        }

        /** The next job if it is this model's (another model's job ends this feed). */
        private ReadAhead.Pending mine() {
            ReadAhead.Pending p = reads.peek();
            return p != null && p.job().model() == model ? p : null;
        }

        /** Short jobs in one unit: every channel of every job a signal of its own, from silence. */
        private ChunkScheduler.Unit packed(List<JobStart> group) {
            List<ChunkScheduler.Job> signals = new ArrayList<>();
            List<float[][]> outputs = new ArrayList<>();
            group.forEach(r -> open.add(r.job())); // so a failure from here on tells them all
            for (JobStart r : group) {
                float[][] out = new float[r.channels().length][r.frames()];
                for (int c = 0; c < out.length; c++) {
                    signals.add(new ChunkScheduler.Job(r.channels()[c], 0, r.frames(), 0, out[c], 0));
                }
                outputs.add(out);
            }
            return ChunkScheduler.Unit.of(signals, rf, net.chunkLength(), () -> {
                for (int i = 0; i < group.size(); i++) {
                    JobStart r = group.get(i);
                    float[][] out = outputs.get(i);
                    writer.lane().submit(() -> {
                        if (deliver(r.job(), out, r.frames(), () -> { })) {
                            done(r.job(), r.frames());
                        }
                    });
                }
            });
        }

        /**
         * Writes a job's outputs (on its lane); false (the failure told, after {@code beforeTelling})
         * when its sink fails.
         */
        private boolean deliver(RenderJob job, float[][] out, int frames, Runnable beforeTelling) {
            try {
                JobFailure.write(job.sink(), out, 0, frames);
            } catch (RuntimeException e) {
                beforeTelling.run();
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

        /** The device failed (or memory ran out): every job in flight fails with it (the lanes drained first). */
        void failOpen(Throwable e) {
            if (streaming != null) {
                streaming.failed = true;
                streaming.segments.stop();
            }
            List<RenderJob> failing;
            synchronized (open) {
                failing = List.copyOf(open);
                open.clear();
            }
            for (RenderJob j : failing) {
                outcomes.accept(JobFailure.failed(j, e));
            }
            streaming = null;
        }

        /**
         * A long job: its start, then its segments, each carrying the last RF − 1 inputs of the
         * one before as its halo, so the output is the one streaming gives.
         */
        private final class Streaming {
            private final RenderJob job;
            private final JobStart start;
            private final Segments segments;
            /** Its segments' writes and its outcome, in order. */
            private final SinkWriter.Lane lane = writer.lane();
            /** Frames written: its lane's alone. */
            private long frames;
            /** Set on its lane when the sink fails (or on a device failure): reading stops, later writes are skipped. */
            private volatile boolean failed;
            private boolean started;
            private boolean ended;

            Streaming(JobStart start) {
                this.job = start.job();
                this.start = start;
                int channels = start.channels().length;
                open.add(job);
                this.segments = reads.segments(start, Math.max(4096, net.chunkLength() / channels), rf - 1,
                        SEGMENTS_AHEAD);
            }

            boolean ready() {
                return !started || failed || ended || segments.ready();
            }

            /** The start, then the next segment, or null when the source is done (the job's outcome then follows its last write). */
            ChunkScheduler.Unit nextSegment() {
                if (!started) {
                    started = true;
                    return unit(start.channels(), 0, start.frames());
                }
                if (failed || ended) {
                    return null;
                }
                Segment s;
                try {
                    s = segments.next();
                } catch (RuntimeException e) {
                    // told on its lane, after the segments before this one are written
                    ended = true;
                    lane.submit(() -> {
                        failed = true;
                        tell(job, JobFailure.failed(job, e));
                    });
                    return null;
                }
                if (s == null) {
                    ended = true;
                    // every earlier segment's write was handed over first: units complete in order
                    return new ChunkScheduler.Unit(List.of(), List.of(), () -> lane.submit(() -> {
                        if (!failed) {
                            done(job, frames);
                        }
                    }));
                }
                return unit(s.channels(), s.held(), s.frames());
            }

            private ChunkScheduler.Unit unit(float[][] in, int held, int n) {
                int channels = in.length;
                float[][] out = new float[channels][n];
                List<ChunkScheduler.Job> signals = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    signals.add(new ChunkScheduler.Job(in[c], 0, held + n, held, out[c], 0));
                }
                return ChunkScheduler.Unit.of(signals, rf, net.chunkLength(), () -> lane.submit(() -> {
                    if (!failed && deliver(job, out, n, segments::stop)) {
                        frames += n;
                    } else {
                        failed = true;
                    }
                }));
            }
        }
    }
}
