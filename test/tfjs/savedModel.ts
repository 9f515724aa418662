/** Saving a tfjs model to memory in the tests, as an app would with any IOHandler. */
import * as tf from '@tensorflow/tfjs';

/** A model's topology, through JSON as a file or a server would keep it, and its weights. */
export async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { ...saved!, modelTopology: JSON.parse(JSON.stringify(saved!.modelTopology)) as object };
}

/** Saves a model to memory and loads it back. */
export async function saveAndLoad(model: tf.LayersModel): Promise<tf.LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
}
