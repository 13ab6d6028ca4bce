// Request options our geometry code cannot apply after a hosted 3D provider: a provider route refuses them at
// create, before anything is held, with the reason in the message.

/** Options our geometry code cannot apply after a provider: refused at create, nothing held. */
export const REFUSED_OPTIONS: { field: string; isSet: (request: Record<string, unknown>) => boolean; why: string }[] = [
  { field: 'style', isSet: (request) => request.style !== undefined, why: 'styles are Tripo model features' },
  {
    field: 'style_image',
    isSet: (request) => request.style_image !== undefined,
    why: 'styles are Tripo model features',
  },
  {
    field: 'generate_parts',
    isSet: (request) => request.generate_parts === true,
    why: 'part generation is a Tripo model feature',
  },
  {
    field: 'geometry_quality',
    isSet: (request) => request.geometry_quality === 'detailed',
    why: 'it has one geometry quality',
  },
  {
    field: 'texture_quality',
    isSet: (request) => request.texture_quality !== undefined && request.texture_quality !== 'standard',
    why: 'it has one texture quality',
  },
  { field: 'auto_size', isSet: (request) => request.auto_size === true, why: 'it does not estimate real-world size' },
  {
    field: 'orientation',
    isSet: (request) => request.orientation === 'align_image',
    why: 'it does not align the model to the image',
  },
  {
    field: 'texture_alignment',
    isSet: (request) => request.texture_alignment === 'geometry',
    why: 'it aligns textures to the image only',
  },
  {
    field: 'enable_image_autofix',
    isSet: (request) => request.enable_image_autofix === true,
    why: 'it does not retouch the input image',
  },
  {
    field: 'orthographic_projection',
    isSet: (request) => request.orthographic_projection === true,
    why: 'it does not take a projection hint',
  },
  { field: 'render_video', isSet: (request) => request.render_video === true, why: 'videos are not rendered here' },
  {
    field: 'render_sequence',
    isSet: (request) => request.render_sequence === true,
    why: 'image sequences are not rendered here',
  },
  {
    field: 'return_multiview',
    isSet: (request) => request.return_multiview === true,
    why: 'multiview images are not returned here',
  },
  {
    field: 'check_printable',
    isSet: (request) => request.check_printable === true,
    why: 'printability is not checked here',
  },
  {
    field: 'part_names',
    isSet: (request) => Array.isArray(request.part_names) && request.part_names.length > 0,
    why: 'it textures the whole model, not named parts',
  },
];
