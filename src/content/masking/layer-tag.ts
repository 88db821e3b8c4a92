// The mask layer's own tag (its closed shadow root holds the covers, never a field).
export const MASK_LAYER_TAG = 'peakend-mask-layer';
