/**
 * The parts of TensorFlow.js that `@tensorflow/tfjs-core` leaves out but that the full
 * `@tensorflow/tfjs` package registers: gradients (for optimizers and tf.grad) and chained ops
 * (`x.reshape(...)`, `a.matMul(b)`). Import this once wherever cells run: worker, build, tests.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
