// Playback of a model's animation clips in the viewer: choose a clip, play or pause, speed, and seek.
import { AnimationMixer } from 'three';

export function createAnimationPlayer(root, clips) {
  const mixer = clips.length ? new AnimationMixer(root) : undefined;
  let action;
  let index = 0;
  let playing = true;
  const listeners = new Set();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const select = (clipIndex) => {
    if (!mixer) return;
    index = Math.max(0, Math.min(clips.length - 1, clipIndex));
    action?.stop();
    action = mixer.clipAction(clips[index]);
    action.play();
    action.paused = !playing;
    notify();
  };
  select(0);
  return {
    clips: clips.map((clip, clipIndex) => ({
      name: clip.name || `Animation ${clipIndex + 1}`,
      durationSeconds: clip.duration,
    })),
    get index() {
      return index;
    },
    get playing() {
      return playing;
    },
    get timeSeconds() {
      return action ? action.time % Math.max(clips[index].duration, 1e-6) : 0;
    },
    get durationSeconds() {
      return mixer ? clips[index].duration : 0;
    },
    get speed() {
      return mixer ? mixer.timeScale : 1;
    },
    select,
    setPlaying(on) {
      playing = on;
      if (action) action.paused = !on;
      notify();
    },
    setSpeed(speed) {
      if (mixer) mixer.timeScale = speed;
      notify();
    },
    seek(timeSeconds) {
      if (!action) return;
      // the very end would wrap to the start (the clip loops): stop just short of it
      action.time = Math.max(0, Math.min(timeSeconds, clips[index].duration - 1e-3));
      mixer.update(0);
      notify();
    },
    update(deltaSeconds) {
      mixer?.update(deltaSeconds);
    },
    onChange(listener) {
      listeners.add(listener);
    },
  };
}
