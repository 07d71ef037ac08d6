// The board's optional sound for new activity: a short two-tone chime made with Web Audio (no file to
// download). The choice is the person's, kept in this browser.
window.cutoverAlerts = {
  soundOn() {
    return localStorage.getItem("cutover.sound") === "on";
  },
  setSound(on) {
    localStorage.setItem("cutover.sound", on ? "on" : "off");
    if (on) {
      this.beep();
    }
  },
  beep() {
    try {
      const context = new (window.AudioContext || window.webkitAudioContext)();
      [880, 660].forEach((frequency, i) => {
        const tone = context.createOscillator();
        const gain = context.createGain();
        tone.frequency.value = frequency;
        gain.gain.value = 0.15;
        tone.connect(gain).connect(context.destination);
        tone.start(context.currentTime + i * 0.18);
        tone.stop(context.currentTime + i * 0.18 + 0.15);
      });
      setTimeout(() => context.close(), 800);
    } catch {
      // No audio device or autoplay refused: the highlight still shows.
    }
  }
};
