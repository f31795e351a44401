"""The sentence encoder's transformer layers as an ONNX Runtime graph, built in memory.

In numpy, each layer's matrix products go through OpenBLAS one by one (~16 ms a short sentence
on the 2-core build machine, most of a parse); ONNX Runtime runs the same products with its own
kernels in one call, several times faster. The graph is built at load time from the weights the
numpy encoder already read and checked (bot/nlu/encoder.py): no model file is written or
downloaded, and the numbers are the same to float32 rounding (tests/test_encoder.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from bot.nlu.encoder import _Layer

OPSET = 17  # LayerNormalization is an ONNX op from 17


class _GraphBuilder:
    """Collects nodes and weights; names are unique per layer."""

    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list[Any] = []
        self.weights: list[Any] = []

    def weight(self, name: str, value: np.ndarray) -> str:
        # (np.ascontiguousarray would turn a scalar into a 1-element vector: Gather needs a scalar)
        array = np.ascontiguousarray(value) if value.ndim else value
        self.weights.append(self.numpy_helper.from_array(array, name))
        return name

    def node(self, op: str, inputs: Sequence[str], output: str, **attrs: Any) -> str:
        self.nodes.append(self.helper.make_node(op, list(inputs), [output], **attrs))
        return output

    def layer_norm(self, x: str, ln: tuple[np.ndarray, np.ndarray], eps: float, name: str) -> str:
        gamma = self.weight(f"{name}.gamma", ln[0])
        beta = self.weight(f"{name}.beta", ln[1])
        return self.node("LayerNormalization", [x, gamma, beta], name, axis=-1, epsilon=eps)


def _add_layer(g: _GraphBuilder, x: str, bias: str, layer: _Layer, i: int, heads: int,
               eps: float, consts: dict[str, str]) -> str:
    """One BERT layer: self-attention, then the feed-forward block, each with its residual."""
    p = f"l{i}"
    qkv = g.node("MatMul", [x, g.weight(f"{p}.qkv", layer.qkv)], f"{p}.qkv_mm")
    qkv = g.node("Add", [qkv, g.weight(f"{p}.qkv_b", layer.qkv_bias)], f"{p}.qkv_out")
    qkv = g.node("Reshape", [qkv, consts["qkv_shape"]], f"{p}.qkv_5d")
    qkv = g.node("Transpose", [qkv], f"{p}.qkv_t", perm=[2, 0, 3, 1, 4])  # (3, B, H, L, D)
    q, k, v = (g.node("Gather", [qkv, consts[f"index{n}"]], f"{p}.{part}", axis=0)
               for n, part in enumerate("qkv"))
    k_t = g.node("Transpose", [k], f"{p}.k_t", perm=[0, 1, 3, 2])
    scores = g.node("MatMul", [q, k_t], f"{p}.scores")
    scores = g.node("Mul", [scores, consts["scale"]], f"{p}.scaled")
    scores = g.node("Add", [scores, bias], f"{p}.masked")
    weights = g.node("Softmax", [scores], f"{p}.weights", axis=-1)
    context = g.node("MatMul", [weights, v], f"{p}.context")
    context = g.node("Transpose", [context], f"{p}.context_t", perm=[0, 2, 1, 3])
    context = g.node("Reshape", [context, consts["hidden_shape"]], f"{p}.context_3d")
    attn = g.node("MatMul", [context, g.weight(f"{p}.out", layer.out)], f"{p}.out_mm")
    attn = g.node("Add", [attn, g.weight(f"{p}.out_b", layer.out_bias)], f"{p}.out_b_add")
    x = g.node("Add", [x, attn], f"{p}.res1")
    x = g.layer_norm(x, layer.ln1, eps, f"{p}.ln1")
    up = g.node("MatMul", [x, g.weight(f"{p}.up", layer.up)], f"{p}.up_mm")
    up = g.node("Add", [up, g.weight(f"{p}.up_b", layer.up_bias)], f"{p}.up_out")
    # BERT's exact GELU: 0.5 * x * (1 + erf(x / sqrt(2)))
    erf = g.node("Erf", [g.node("Div", [up, consts["sqrt2"]], f"{p}.gelu_div")], f"{p}.gelu_erf")
    gelu = g.node("Mul", [g.node("Add", [erf, consts["one"]], f"{p}.gelu_add"), up],
                  f"{p}.gelu_mul")
    gelu = g.node("Mul", [gelu, consts["half"]], f"{p}.gelu")
    down = g.node("MatMul", [gelu, g.weight(f"{p}.down", layer.down)], f"{p}.down_mm")
    down = g.node("Add", [down, g.weight(f"{p}.down_b", layer.down_bias)], f"{p}.down_out")
    x = g.node("Add", [x, down], f"{p}.res2")
    return g.layer_norm(x, layer.ln2, eps, f"{p}.ln2")


def build_model(layers: Sequence[_Layer], heads: int, eps: float) -> bytes:
    """The serialised ONNX model: inputs `hidden` (B, L, dim) and `mask_bias` (B, 1, 1, L)."""
    from onnx import TensorProto, checker

    g = _GraphBuilder()
    dim = layers[0].out.shape[1]
    head_dim = dim // heads
    f32 = np.float32
    consts = {
        "qkv_shape": g.weight("qkv_shape", np.array([0, 0, 3, heads, head_dim], dtype=np.int64)),
        "hidden_shape": g.weight("hidden_shape", np.array([0, 0, dim], dtype=np.int64)),
        "scale": g.weight("scale", np.array(1.0 / np.sqrt(head_dim), dtype=f32)),
        "sqrt2": g.weight("sqrt2", np.array(np.sqrt(2.0), dtype=f32)),
        "one": g.weight("one", np.array(1.0, dtype=f32)),
        "half": g.weight("half", np.array(0.5, dtype=f32)),
        **{f"index{n}": g.weight(f"index{n}", np.array(n, dtype=np.int64)) for n in range(3)},
    }
    x = "hidden"
    for i, layer in enumerate(layers):
        x = _add_layer(g, x, "mask_bias", layer, i, heads, eps, consts)
    x = g.node("Identity", [x], "out")
    h = g.helper
    graph = h.make_graph(
        g.nodes, "minilm_layers",
        [h.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", dim]),
         h.make_tensor_value_info("mask_bias", TensorProto.FLOAT, ["batch", 1, 1, "length"])],
        [h.make_tensor_value_info("out", TensorProto.FLOAT, ["batch", "length", dim])],
        g.weights,
    )
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", OPSET)])
    model.ir_version = 8  # read by every onnxruntime from 1.13
    checker.check_model(model)
    return model.SerializeToString()


class GraphLayers:
    """Runs the transformer layers in ONNX Runtime; callable like the numpy loop."""

    def __init__(self, layers: Sequence[_Layer], heads: int, eps: float, threads: int,
                 prepack: bool = True) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # No busy-waiting threads: under load the two cores are shared with Rasa's event loop.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # No memory arena: it keeps the peak of the largest message ever encoded (a pasted essay,
        # the exemplar bank at start-up) for the life of the process.
        options.enable_cpu_mem_arena = False
        if not prepack:  # weights in one layout only: less memory, ~1.7x slower products
            options.add_session_config_entry("session.disable_prepacking", "1")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            build_model(layers, heads, eps), options, providers=["CPUExecutionProvider"]
        )

    def __call__(self, hidden: np.ndarray, mask_bias: np.ndarray) -> np.ndarray:
        return self.session.run(["out"], {"hidden": hidden, "mask_bias": mask_bias})[0]
