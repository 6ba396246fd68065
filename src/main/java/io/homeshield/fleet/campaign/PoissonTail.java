package io.homeshield.fleet.campaign;

/** P(X ≥ k) for a Poisson count with mean λ: how surprising k routers are when λ were expected. */
final class PoissonTail {

    private PoissonTail() {
    }

    static double atLeast(int k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        double term = Math.exp(-lambda);
        double below = term;
        for (int i = 1; i < k; i++) {
            term *= lambda / i;
            below += term;
        }
        return Math.max(0.0, 1.0 - below);
    }
}
