// The interactive 3D viewer (three.js, bundled into a chunk that pages load only when they show a model): GLB/glTF,
// STL and FBX, orbit controls (drag, scroll, or arrows and +/- on the focused viewer), lighting presets,
// wireframe, and playback of the model's animations (viewer-animation.js).
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import { createAnimationPlayer } from './viewer-animation.js';

const ROTATE_STEP = Math.PI / 24;

/** Named lighting set-ups: image-based light from a room for PBR materials, a soft sky, a hard key light with a rim, or flat. */
export const LIGHTING_PRESETS = ['studio', 'soft', 'dramatic', 'flat'];

/** Loads `url` (format glb | gltf | stl | fbx) into `container`; resolves to a handle, or rejects with a message shown in the container. */
export async function mountViewer(container, url, format) {
  const status = container.querySelector('.viewer-status');
  const say = (text) => {
    if (status) status.textContent = text;
  };
  container.dataset.state = 'loading';
  say('Loading the 3D view…');

  let renderer;
  try {
    renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
  } catch {
    container.dataset.state = 'error';
    say('This browser cannot show 3D (WebGL is off). Download the model to view it.');
    throw new Error('WebGL unavailable');
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.toneMapping = THREE.ACESFilmicToneMapping;

  // Frames are drawn only when something moves (the camera, an animation) or changed: a still model costs no
  // GPU (or, without one, CPU) time while it sits on the page.
  let dirty = true;
  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(40, 1, 0.01, 1000);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.enableDamping = true;

  let object;
  try {
    object = await load(url, format);
  } catch (error) {
    container.dataset.state = 'error';
    say(`The model could not be shown: ${error?.message ?? error}`);
    renderer.dispose();
    throw error;
  }
  const model = object.scene ?? object;
  scene.add(model);

  const box = new THREE.Box3().setFromObject(model);
  const size = box.getSize(new THREE.Vector3());
  const center = box.getCenter(new THREE.Vector3());
  const radius = Math.max(size.length() / 2, 1e-3);
  const grid = new THREE.GridHelper(radius * 4, 20, 0x9aa0b4, 0xc9ccd8);
  grid.position.set(center.x, box.min.y, center.z);
  scene.add(grid);
  const lighting = createLighting(renderer, scene, center, radius);

  const home = () => {
    camera.near = radius / 100;
    camera.far = radius * 100;
    camera.position.set(center.x + radius * 1.6, center.y + radius * 0.9, center.z + radius * 2.2);
    camera.updateProjectionMatrix();
    controls.target.copy(center);
    controls.update();
  };
  home();

  container.prepend(renderer.domElement);
  renderer.domElement.setAttribute('aria-hidden', 'true');
  const resize = () => {
    const width = container.clientWidth || 400;
    const height = container.clientHeight || 300;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    dirty = true;
  };
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  resize();

  container.addEventListener('keydown', (event) => {
    const offset = camera.position.clone().sub(controls.target);
    const spherical = new THREE.Spherical().setFromVector3(offset);
    if (event.key === 'ArrowLeft') spherical.theta -= ROTATE_STEP;
    else if (event.key === 'ArrowRight') spherical.theta += ROTATE_STEP;
    else if (event.key === 'ArrowUp') spherical.phi = Math.max(0.1, spherical.phi - ROTATE_STEP);
    else if (event.key === 'ArrowDown') spherical.phi = Math.min(Math.PI - 0.1, spherical.phi + ROTATE_STEP);
    else if (event.key === '+' || event.key === '=') spherical.radius *= 0.85;
    else if (event.key === '-') spherical.radius /= 0.85;
    else return;
    event.preventDefault();
    camera.position.copy(controls.target).add(new THREE.Vector3().setFromSpherical(spherical));
    controls.update();
    dirty = true;
  });

  const animation = createAnimationPlayer(model, object.animations ?? []);
  const redraw = () => {
    dirty = true;
  };
  controls.addEventListener('change', redraw);
  animation.onChange(redraw);
  const clock = new THREE.Clock();
  let running = true;
  renderer.setAnimationLoop(() => {
    if (!running) return;
    const delta = clock.getDelta();
    const animating = animation.playing && animation.clips.length > 0;
    if (animating) animation.update(delta);
    const cameraMoved = controls.update();
    if (!animating && !cameraMoved && !dirty) return;
    dirty = false;
    renderer.render(scene, camera);
  });

  let triangles = 0;
  model.traverse((node) => {
    if (node.isMesh && node.geometry) {
      const index = node.geometry.index;
      triangles += (index ? index.count : node.geometry.attributes.position.count) / 3;
    }
  });
  container.dataset.state = 'ready';
  container.dataset.triangles = String(Math.round(triangles));
  container.querySelector('.viewer-poster')?.remove();
  say(
    `${Math.round(triangles).toLocaleString('en-US')} triangles${animation.clips.length ? ` · ${animation.clips.length} animation${animation.clips.length === 1 ? '' : 's'}` : ''}`,
  );

  return {
    triangles: Math.round(triangles),
    animation,
    reset() {
      home();
      dirty = true;
    },
    setAutoRotate(on) {
      controls.autoRotate = on;
    },
    setLighting(preset) {
      lighting.use(preset);
      container.dataset.lighting = preset;
      dirty = true;
    },
    setWireframe(on) {
      model.traverse((node) => {
        if (!node.isMesh) return;
        for (const material of Array.isArray(node.material) ? node.material : [node.material])
          if (material) material.wireframe = on;
      });
      container.dataset.wireframe = String(on);
      dirty = true;
    },
    dispose() {
      running = false;
      observer.disconnect();
      renderer.setAnimationLoop(null);
      lighting.dispose();
      renderer.dispose();
      renderer.domElement.remove();
    },
  };
}

/** A software rasterizer (no GPU: SwiftShader, llvmpipe) takes seconds to prefilter an environment map. */
function isSoftwareRenderer(renderer) {
  const gl = renderer.getContext();
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

function createLighting(renderer, scene, center, radius) {
  // Image-based light from a room, prefiltered once (PMREM); without a GPU the presets use lights alone.
  const pmrem = isSoftwareRenderer(renderer) ? undefined : new THREE.PMREMGenerator(renderer);
  const room = pmrem ? pmrem.fromScene(new RoomEnvironment(), 0.04).texture : null;
  const at = (x, y, z) => new THREE.Vector3(center.x + x * radius, center.y + y * radius, center.z + z * radius);
  const directional = (intensity, position) => {
    const light = new THREE.DirectionalLight(0xffffff, intensity);
    light.position.copy(position);
    light.target.position.copy(center);
    scene.add(light.target);
    return light;
  };
  const presets = {
    studio: {
      environment: room,
      environmentIntensity: 0.9,
      lights: [directional(1.6, at(3, 5, 4)), new THREE.HemisphereLight(0xffffff, 0x8890a0, room ? 0.4 : 1.8)],
    },
    soft: {
      environment: room,
      environmentIntensity: 0.4,
      lights: [new THREE.HemisphereLight(0xf4f6ff, 0x9a9488, room ? 2.6 : 3.2)],
    },
    dramatic: {
      environment: null,
      environmentIntensity: 0,
      lights: [directional(4.5, at(-4, 3, 2)), directional(3, at(2, 2, -5)), new THREE.AmbientLight(0x404860, 0.3)],
    },
    flat: { environment: null, environmentIntensity: 0, lights: [new THREE.AmbientLight(0xffffff, 3.2)] },
  };
  for (const preset of Object.values(presets)) for (const light of preset.lights) scene.add(light);
  const use = (name) => {
    const chosen = presets[name] ?? presets.studio;
    for (const preset of Object.values(presets)) for (const light of preset.lights) light.visible = preset === chosen;
    scene.environment = chosen.environment;
    scene.environmentIntensity = chosen.environmentIntensity;
  };
  use('studio');
  return { use, dispose: () => (room?.dispose(), pmrem?.dispose()) };
}

async function load(url, format) {
  if (format === 'stl') {
    const { STLLoader } = await import('three/addons/loaders/STLLoader.js');
    const geometry = await new STLLoader().loadAsync(url);
    geometry.computeVertexNormals();
    return new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0xb8bccb, roughness: 0.6 }));
  }
  if (format === 'fbx') {
    const { FBXLoader } = await import('three/addons/loaders/FBXLoader.js');
    return new FBXLoader().loadAsync(url);
  }
  const { GLTFLoader } = await import('three/addons/loaders/GLTFLoader.js');
  return new GLTFLoader().loadAsync(url);
}

export { wireViewerTools } from './viewer-tools.js';
