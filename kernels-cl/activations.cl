// Pointwise activations of NAM WaveNets, shared by the layer and conv kernels (prepended to
// their source). The host names a kind by its macro (e.g. -DACT=ACT_TANH), so the codes below
// are the only place they are defined. Parameters live in the weight buffer, in the order
// org.namcl.model.Activation documents per kind. Needs WSPACE (__constant or __global).

#define ACT_IDENTITY 0
#define ACT_TANH 1
#define ACT_HARDTANH 2
#define ACT_FASTTANH 3
#define ACT_RELU 4
#define ACT_LEAKY_RELU 5
#define ACT_PRELU 6
#define ACT_SIGMOID 7
#define ACT_SILU 8
#define ACT_HARDSWISH 9
#define ACT_LEAKY_HARDTANH 10
#define ACT_SOFTSIGN 11
#define ACT_SOFTSIGMOID 12
#define ACT_GELU 13
#define ACT_GELU_TANH 14
#define ACT_ELU 15
#define ACT_SOFTPLUS 16
#define ACT_HARDSIGMOID 17
#define ACT_SELU 18
#define ACT_CELU 19
#define ACT_MISH 20
#define ACT_LOGSIGMOID 21
#define ACT_TANHSHRINK 22

// sigma(x) as 0.5 + 0.5 tanh(x/2), the form the CPU engine uses; no overflow for any x.
inline float nam_sigmoid(const float x) {
    return 0.5f + 0.5f * tanh(0.5f * x);
}

inline float nam_softplus(const float x, const float beta, const float threshold) {
    return beta * x > threshold ? x : log1p(exp(beta * x)) / beta;
}

// NAM core's rational tanh approximation, used only when a file asks for Fasttanh.
inline float nam_fast_tanh(const float x) {
    const float ax = fabs(x);
    const float x2 = x * x;
    return x * (2.45550750702956f + 2.45550750702956f * ax + (0.893229853513558f + 0.821226666969744f * ax) * x2)
            / (2.44506634652299f + (2.44506634652299f + x2) * fabs(x + 0.814642734961073f * x * ax));
}

// kind is a compile-time constant at every call site, so the switch folds away.
// np: parameter count (PReLU: 1 shared slope or one per channel ch).
inline float nam_activate(const int kind, const float x, WSPACE const float* p, const int np, const int ch) {
    switch (kind) {
        case ACT_TANH: return tanh(x);
        case ACT_HARDTANH: return fmin(fmax(x, p[0]), p[1]);
        case ACT_FASTTANH: return nam_fast_tanh(x);
        case ACT_RELU: return fmax(x, 0.0f);
        case ACT_LEAKY_RELU: return fmax(x, 0.0f) + p[0] * fmin(x, 0.0f);
        case ACT_PRELU: return fmax(x, 0.0f) + p[np == 1 ? 0 : ch] * fmin(x, 0.0f);
        case ACT_SIGMOID: return nam_sigmoid(x);
        case ACT_SILU: return x * nam_sigmoid(x);
        case ACT_HARDSWISH: return x * fmin(fmax(x + 3.0f, 0.0f), 6.0f) / 6.0f;
        case ACT_LEAKY_HARDTANH:
            return fmin(fmax(x, p[0]), p[1]) + p[2] * fmin(x - p[0], 0.0f) + p[3] * fmax(x - p[1], 0.0f);
        case ACT_SOFTSIGN: return x / (1.0f + fabs(x));
        case ACT_SOFTSIGMOID: return 0.5f * (1.0f + x / (1.0f + fabs(x)));
        case ACT_GELU: return 0.5f * x * (1.0f + erf(x * M_SQRT1_2_F));
        case ACT_GELU_TANH:
            return 0.5f * x * (1.0f + tanh(0.7978845608028654f * (x + 0.044715f * x * x * x)));
        case ACT_ELU: return x > 0.0f ? x : p[0] * expm1(x);
        case ACT_SOFTPLUS: return nam_softplus(x, p[0], p[1]);
        case ACT_HARDSIGMOID: return fmin(fmax(x / 6.0f + 0.5f, 0.0f), 1.0f);
        case ACT_SELU: return 1.0507009873554805f * (x > 0.0f ? x : 1.6732632423543772f * expm1(x));
        case ACT_CELU: return fmax(x, 0.0f) + fmin(0.0f, p[0] * expm1(x / p[0]));
        case ACT_MISH: return x * tanh(nam_softplus(x, 1.0f, 20.0f));
        case ACT_LOGSIGMOID: return fmin(x, 0.0f) - log1p(exp(-fabs(x)));
        case ACT_TANHSHRINK: return x - tanh(x);
        default: return x;
    }
}
