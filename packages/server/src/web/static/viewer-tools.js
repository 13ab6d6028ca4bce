// Wires the controls rendered beside a viewer (pages/viewer-panel.ts) to its handle: reset, auto-rotate, wireframe,
// lighting, and the animation controls (shown only when the model has animations). Until the model has loaded
// the controls stay disabled.
export function wireViewerTools(root, handle) {
  const control = (name) => root.querySelector(`[data-viewer-control="${name}"]`);
  const toggle = (button, apply) => {
    button?.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      apply(on);
    });
  };
  control('reset')?.addEventListener('click', () => handle.reset());
  toggle(control('rotate'), (on) => handle.setAutoRotate(on));
  toggle(control('wireframe'), (on) => handle.setWireframe(on));
  const lighting = control('lighting');
  lighting?.addEventListener('change', () => handle.setLighting(lighting.value));
  for (const element of root.querySelectorAll('[data-viewer-control]')) element.disabled = false;
  wireAnimationControls(root, handle.animation);
}

function wireAnimationControls(root, animation) {
  const panel = root.querySelector('[data-animation-controls]');
  if (!panel || animation.clips.length === 0) return;
  panel.hidden = false;
  const play = panel.querySelector('[data-animation-control="play"]');
  const clip = panel.querySelector('[data-animation-control="clip"]');
  const speed = panel.querySelector('[data-animation-control="speed"]');
  const time = panel.querySelector('[data-animation-control="time"]');
  const timeText = panel.querySelector('[data-animation-time]');
  clip.replaceChildren(
    ...animation.clips.map((entry, index) => {
      const option = document.createElement('option');
      option.value = String(index);
      option.textContent = `${entry.name} (${entry.durationSeconds.toFixed(1)} s)`;
      return option;
    }),
  );
  let scrubbing = false;
  const show = () => {
    play.textContent = animation.playing ? 'Pause' : 'Play';
    clip.value = String(animation.index);
    time.max = String(animation.durationSeconds);
    if (!scrubbing) time.value = String(animation.timeSeconds);
    const text = `${animation.timeSeconds.toFixed(1)} s of ${animation.durationSeconds.toFixed(1)} s`;
    time.setAttribute('aria-valuetext', text);
    timeText.textContent = text;
  };
  play.addEventListener('click', () => animation.setPlaying(!animation.playing));
  clip.addEventListener('change', () => animation.select(Number(clip.value)));
  speed.addEventListener('change', () => animation.setSpeed(Number(speed.value)));
  time.addEventListener('input', () => {
    scrubbing = true;
    animation.setPlaying(false);
    animation.seek(Number(time.value));
    scrubbing = false;
  });
  animation.onChange(show);
  show();
  // the slider follows playback a few times a second, not every frame
  setInterval(() => animation.playing && show(), 250);
  for (const element of panel.querySelectorAll('[data-animation-control]')) element.disabled = false;
}
