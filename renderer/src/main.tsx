document.getElementById('root')!.textContent = 'かさね';
