// The interactive 3D viewer: three.js with GLTFLoader / STLLoader / FBXLoader and OrbitControls, served from
// node_modules. Drag, scroll or keys (arrows turn, +/- zoom) to look around; animations play when the model has them.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { STLLoader } from 'three/addons/loaders/STLLoader.js';
import { FBXLoader } from 'three/addons/loaders/FBXLoader.js';

const ROTATE_STEP = Math.PI / 24;

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
  container.prepend(renderer.domElement);
  renderer.domElement.setAttribute('aria-hidden', 'true');

  const scene = new THREE.Scene();
  scene.add(new THREE.HemisphereLight(0xffffff, 0x8890a0, 2.2));
  const sun = new THREE.DirectionalLight(0xffffff, 2.0);
  sun.position.set(3, 5, 4);
  scene.add(sun);
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
    renderer.domElement.remove();
    throw error;
  }
  const model = object.scene ?? object;
  scene.add(model);

  const mixer = object.animations?.length ? new THREE.AnimationMixer(model) : undefined;
  if (mixer) mixer.clipAction(object.animations[0]).play();

  const box = new THREE.Box3().setFromObject(model);
  const size = box.getSize(new THREE.Vector3());
  const center = box.getCenter(new THREE.Vector3());
  const radius = Math.max(size.length() / 2, 1e-3);
  const grid = new THREE.GridHelper(radius * 4, 20, 0x9aa0b4, 0xc9ccd8);
  grid.position.set(center.x, box.min.y, center.z);
  scene.add(grid);
  const home = () => {
    camera.near = radius / 100;
    camera.far = radius * 100;
    camera.position.set(center.x + radius * 1.6, center.y + radius * 0.9, center.z + radius * 2.2);
    camera.updateProjectionMatrix();
    controls.target.copy(center);
    controls.update();
  };
  home();

  const resize = () => {
    const width = container.clientWidth || 400;
    const height = container.clientHeight || 300;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
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
  });

  const clock = new THREE.Clock();
  let running = true;
  renderer.setAnimationLoop(() => {
    if (!running) return;
    mixer?.update(clock.getDelta());
    controls.update();
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
  say(`${Math.round(triangles).toLocaleString('en-US')} triangles${mixer ? ` · playing “${object.animations[0].name || 'animation'}”` : ''}`);

  return {
    reset: home,
    setAutoRotate(on) {
      controls.autoRotate = on;
    },
    dispose() {
      running = false;
      observer.disconnect();
      renderer.setAnimationLoop(null);
      renderer.dispose();
      renderer.domElement.remove();
    },
  };
}

function load(url, format) {
  if (format === 'stl') {
    return new STLLoader().loadAsync(url).then((geometry) => {
      geometry.computeVertexNormals();
      return new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0xb8bccb, roughness: 0.6 }));
    });
  }
  if (format === 'fbx') return new FBXLoader().loadAsync(url);
  return new GLTFLoader().loadAsync(url);
}

/** Wires the "Reset view" and "Auto-rotate" buttons next to a viewer. */
export function wireViewerTools(root, handle) {
  root.querySelector('[data-viewer-action="reset"]')?.addEventListener('click', () => handle.reset());
  const rotate = root.querySelector('[data-viewer-action="rotate"]');
  rotate?.addEventListener('click', () => {
    const on = rotate.getAttribute('aria-pressed') !== 'true';
    rotate.setAttribute('aria-pressed', String(on));
    handle.setAutoRotate(on);
  });
}
