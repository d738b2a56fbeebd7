package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.namcl.eval.EvalPair;

/** An {@link EvalPair} as it travels to the executors. */
record EvalPairRef(String name, String input, String target, String problem) implements Serializable {

    static EvalPairRef of(EvalPair p) {
        return new EvalPairRef(p.name(), p.input().toString(), p.target().toString(), p.problem());
    }

    EvalPair pair() {
        return new EvalPair(name, Path.of(input), Path.of(target), problem);
    }
}
