package org.namcl.spark;

import java.io.Serializable;
import org.namcl.eval.EvalPair;

/** An {@link EvalPair} as it travels to the executors, its files local or remote. */
record EvalPairRef(String name, FileRef input, FileRef target, String problem) implements Serializable {

    static EvalPairRef of(EvalPair p) {
        return new EvalPairRef(p.name(), FileRef.local(p.input()), FileRef.local(p.target()), p.problem());
    }
}
