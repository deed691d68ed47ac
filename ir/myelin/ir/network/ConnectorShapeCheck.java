package myelin.ir.network;

import java.util.function.Consumer;

/** Checks that a projection's connector fits the populations it joins. */
final class ConnectorShapeCheck {
    private final Projection projection;
    private final Population pre;
    private final Population post;
    private final Consumer<String> problem;

    ConnectorShapeCheck(Projection projection, Population pre, Population post, Consumer<String> problem) {
        this.projection = projection;
        this.pre = pre;
        this.post = post;
        this.problem = problem;
    }

    void run() {
        Connector c = projection.connector();
        if (c instanceof Connector.OneToOne && pre.size() != post.size()) {
            problem.accept("one_to_one needs populations of equal size, but '" + pre.name() + "' has " + pre.size()
                    + " neurons and '" + post.name() + "' has " + post.size());
        } else if (c instanceof Connector.FixedProbability f && !(f.probability() >= 0 && f.probability() <= 1)) {
            problem.accept("connection probability must be in [0, 1], got " + f.probability());
        } else if (c instanceof Connector.FixedInDegree f) {
            checkInDegree(f);
        } else if (c instanceof Connector.ExplicitList list) {
            checkList(list);
        } else if (c instanceof Connector.Conv2d conv) {
            checkConv(conv);
        }
    }

    private void checkInDegree(Connector.FixedInDegree f) {
        long available = pre.size() - (!f.autapses() && pre.name().equals(post.name()) ? 1 : 0);
        if (f.inDegree() < 0) {
            problem.accept("in-degree must not be negative, got " + f.inDegree());
        } else if (f.inDegree() > 0 && available < 1) {
            problem.accept("in-degree " + f.inDegree() + " but no pre neuron is allowed");
        } else if (!f.multapses() && f.inDegree() > available) {
            problem.accept("in-degree " + f.inDegree() + " without multapses needs at least that many pre neurons, '"
                    + pre.name() + "' offers " + available);
        }
    }

    private void checkList(Connector.ExplicitList list) {
        for (var s : list.synapses()) {
            if (s.pre() < 0 || s.pre() >= pre.size()) {
                problem.accept("synapse " + s.pre() + " -> " + s.post() + ": pre index out of range (population '"
                        + pre.name() + "' has " + pre.size() + " neurons)");
                return;
            }
            if (s.post() < 0 || s.post() >= post.size()) {
                problem.accept("synapse " + s.pre() + " -> " + s.post() + ": post index out of range (population '"
                        + post.name() + "' has " + post.size() + " neurons)");
                return;
            }
        }
    }

    private void checkConv(Connector.Conv2d conv) {
        if (projection.weight().constant().isEmpty()) {
            problem.accept("conv2d scales its kernel by the weight, which must be a constant");
        }
        ConvGeometry.of(conv, pre.shape(), problem).ifPresent(g -> {
            if (!g.outShape().equals(post.shape()) && !(g.outChannels() == 1
                    && post.shape().equals(java.util.List.of(g.outHeight(), g.outWidth())))) {
                problem.accept("conv2d of '" + pre.name() + "' " + pre.shape() + " gives shape " + g.outShape()
                        + " but '" + post.name() + "' has shape " + post.shape());
            }
        });
    }
}
