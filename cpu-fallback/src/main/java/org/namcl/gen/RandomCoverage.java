package org.namcl.gen;

import java.util.Set;
import java.util.TreeSet;
import org.namcl.model.Activation;
import org.namcl.model.FilmSlot;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.WaveNet;

/** The features a set of networks exercises, named so a test can require every one of them. */
public final class RandomCoverage {
    private RandomCoverage() {
    }

    /**
     * Every feature name {@link #of} can report: each activation kind (in any role), each gating
     * mode, each FiLM slot, and each way a FiLM, 1x1 or conv can be shaped.
     */
    public static Set<String> all() {
        Set<String> s = new TreeSet<>();
        for (Activation.Kind k : Activation.Kind.values()) {
            s.add("activation " + k);
        }
        for (String g : new String[] {"NONE", "GATED", "BLENDED"}) {
            s.add("gating " + g);
        }
        for (FilmSlot f : FilmSlot.values()) {
            s.add("film " + f);
        }
        s.addAll(Set.of("film shift", "film scale only", "film grouped", "secondary not Sigmoid",
                "PReLU per channel", "bottleneck", "head1x1", "head1x1 grouped", "layer1x1 inactive",
                "layer1x1 grouped", "grouped conv", "grouped mixin", "odd channels", "kernel size 1",
                "kernel size 16", "dilation 1024", "head kernel", "head dilation", "post-stack head",
                "condition DSP", "1 array", "2 arrays", "3 arrays", "head broadcast"));
        return s;
    }

    public static Set<String> of(Iterable<WaveNet> nets) {
        Set<String> s = new TreeSet<>();
        for (WaveNet n : nets) {
            add(s, n);
        }
        return s;
    }

    private static void add(Set<String> s, WaveNet n) {
        s.add(n.arrays().size() + (n.arrays().size() == 1 ? " array" : " arrays"));
        if (n.postHead() != null) {
            s.add("post-stack head");
            s.add("activation " + n.postHead().activation().kind());
        }
        if (n.conditionDsp() != null) {
            s.add("condition DSP");
            add(s, n.conditionDsp());
        }
        for (int i = 0; i < n.arrays().size(); i++) {
            LayerArray a = n.arrays().get(i);
            if (i > 0 && n.arrays().get(i - 1).headOutChannels() == 1 && a.headWidth() > 1) {
                s.add("head broadcast");
            }
            if (a.headRechannel().kernelSize() > 1) {
                s.add("head kernel");
            }
            if (a.headRechannel().dilation() > 1 && a.headRechannel().kernelSize() > 1) {
                s.add("head dilation");
            }
            for (Layer l : a.layers()) {
                Activation act = l.spec().activation();
                s.add("activation " + act.kind());
                if (act.kind() == Activation.Kind.PRELU && act.params().length > 1) {
                    s.add("PReLU per channel");
                }
                s.add("gating " + l.spec().gating());
                Activation sec = l.spec().secondary();
                if (sec != null) {
                    s.add("activation " + sec.kind());
                    if (sec.kind() != Activation.Kind.SIGMOID) {
                        s.add("secondary not Sigmoid");
                    }
                }
                for (var e : l.films().entrySet()) {
                    Film f = e.getValue();
                    s.add("film " + e.getKey());
                    s.add(f.shift() ? "film shift" : "film scale only");
                    if (f.conv().groups() > 1) {
                        s.add("film grouped");
                    }
                }
                if (l.bottleneck() != l.channels()) {
                    s.add("bottleneck");
                }
                if (l.head1x1() != null) {
                    s.add(l.head1x1().groups() > 1 ? "head1x1 grouped" : "head1x1");
                }
                if (l.layer1x1() == null) {
                    s.add("layer1x1 inactive");
                } else if (l.layer1x1().groups() > 1) {
                    s.add("layer1x1 grouped");
                }
                if (l.conv().groups() > 1) {
                    s.add("grouped conv");
                }
                if (l.mixin().groups() > 1) {
                    s.add("grouped mixin");
                }
                if (l.channels() % 2 == 1 && l.channels() > 1) {
                    s.add("odd channels");
                }
                s.add("kernel size " + l.conv().kernelSize());
                s.add("dilation " + l.conv().dilation());
            }
        }
    }
}
